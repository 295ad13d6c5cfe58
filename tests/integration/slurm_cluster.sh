#!/usr/bin/env bash
# A single-node Slurm cluster for the tests, started and stopped by PID (no systemd): munged,
# slurmctld and slurmd from Debian's packages, after ../shared/notes/clusters-in-ci.md.
#   slurm_cluster.sh up DIR [CPUS]   configure in DIR, start, wait until the node is idle
#   slurm_cluster.sh down DIR        stop only what `up` started
# Clients need SLURM_CONF=DIR/slurm.conf. Ports 16817/16818, not Slurm's defaults, so a
# cluster someone else runs on the machine is left alone.
set -euo pipefail
action=${1:?up or down}
D=$(realpath -m "${2:?dir}")
export SLURM_CONF=$D/slurm.conf

if [[ $action == down ]]; then
  scontrol shutdown 2>/dev/null || true  # stops slurmctld and slurmd
  for n in slurmctld slurmd munged; do
    f=$D/$n.mypid
    [[ -f $f ]] || continue
    p=$(cat "$f")
    [[ $n == munged ]] && kill "$p" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$p" 2>/dev/null && kill -9 "$p"
    rm -f "$f"
  done
  exit 0
fi

CPUS=${3:-$(nproc)}
mkdir -p "$D"/{state,spool,log}
cat >"$SLURM_CONF" <<CONF
ClusterName=ci
SlurmctldHost=localhost
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
CommunicationParameters=NoInAddrAny
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
ReturnToService=2
MailProg=/bin/true
StateSaveLocation=$D/state
SlurmdSpoolDir=$D/spool
SlurmctldPidFile=$D/slurmctld.pid
SlurmdPidFile=$D/slurmd.pid
SlurmctldLogFile=$D/log/slurmctld.log
SlurmdLogFile=$D/log/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
if [[ ! -s /etc/munge/munge.key ]]; then
  mungekey --create --force
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
fi
mkdir -p /run/munge && chown munge:munge /run/munge
# Daemons' output goes to files: inheriting the test runner's pipes can hang it at the end.
setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground >"$D/log/munged.out" 2>&1 </dev/null &
echo $! >"$D/munged.mypid"
for _ in $(seq 100); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
/usr/sbin/slurmctld -D -c >"$D/log/slurmctld.out" 2>&1 </dev/null &
echo $! >"$D/slurmctld.mypid"
/usr/sbin/slurmd -D -N localhost >"$D/log/slurmd.out" 2>&1 </dev/null &
echo $! >"$D/slurmd.mypid"
for _ in $(seq 300); do sinfo -h -o %T 2>/dev/null | grep -qx idle && exit 0; sleep 0.1; done
echo "slurm did not come up" >&2
tail -n 20 "$D"/log/*.out >&2
exit 1
