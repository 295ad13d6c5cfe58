"""Opens a `missionsim run` output file with h5py and xarray only, as a user would, and checks
the contract of DESIGN.md: root attributes, the resolved scenario, decoded dates, labelled
breakdowns, and the /runs and /events groups. Exits non-zero on the first broken promise."""
import sys
import tomllib

import h5py
import numpy as np
import xarray as xr

path = sys.argv[1]

with h5py.File(path, "r") as f:
    assert f.attrs["format"] == "missionsim", f.attrs["format"]
    assert int(f.attrs["format_version"]) >= 1
    for key in ("engine_version", "scenario_name", "created_utc", "command_line"):
        assert key in f.attrs, key
    scenario = f["scenario"][()]
    scenario = scenario.decode() if isinstance(scenario, bytes) else scenario
    assert 'name = "demo"' in scenario, scenario[:200]
    assert "size = 3000" in scenario, "the override must be in the resolved scenario"
    real_size = tomllib.loads(scenario)["population"]["real_size"]

ds = xr.open_dataset(path, group="metrics", engine="h5netcdf")
times = ds["time"].values
assert np.issubdtype(times.dtype, np.datetime64), times.dtype
assert str(times[0])[:10] == "2025-01-01", times[0]
assert str(times[1])[:10] == "2025-02-01", times[1]
assert ds.sizes["time"] == 24 and ds.sizes["run"] == 1, dict(ds.sizes)
share = ds["stakeholder_adopter_share_by_stakeholder_innovation"].sel(stakeholder_innovation="screening")
assert share.dims == ("run", "time"), share.dims
values = share.values
assert ((values >= 0) & (values <= 1)).all()
assert values[0, -1] >= values[0, 0], "adoption never reverts in this model"
assert ds["adopter_share_by_innovation"].attrs["units"] == "1"
new = ds["new_adopters_by_innovation"].sel(innovation="healthy_diet").values
assert (new >= 0).all() and new.sum() > 0
# Breakdowns add up: incidence over regions and over quintiles equals the total.
total = ds["incidence"].values
assert np.allclose(ds["incidence_by_region"].sum("region").values, total)
assert np.allclose(ds["incidence_by_quintile"].sel(quintile=["q1", "q2", "q3", "q4", "q5"]).sum("quintile").values, total)
people = ds["people_by_care_state"].sum("care_state").values
# 3,000 simulated persons stand for the scenario's real_size: conserved, in real persons.
assert np.allclose(people, real_size), "population is conserved, in real persons"

# Early-warning indicators stream with the run: NaN until the trailing window (half the run:
# 12 of 24 steps) is full, defined after; their Kendall taus sit in /ews.
for name in ("variance", "ac1", "skewness"):
    ews = ds[f"stakeholder_adopter_share_ews_{name}_by_stakeholder_innovation"].sel(stakeholder_innovation="screening")
    assert ews.dims == ("run", "time"), ews.dims
    assert np.isnan(ews.values[0, :11]).all(), ews.values
assert (ds["adopter_share_ews_variance_by_innovation"].values[0, 11:] >= 0).all()
assert not np.isnan(ds["stakeholder_adopter_share_ews_variance_by_stakeholder_innovation"].values[0, 11:]).any()
ews = xr.open_dataset(path, group="ews", engine="h5netcdf")
tau = ews["adopter_share_healthy_diet_ews_variance_tau"].values
assert tau.shape == (1,) and -1 <= tau[0] <= 1, tau
# Screening among providers stands still here: its variance is exactly 0, so its trend is all
# ties, NaN.
assert (ds["stakeholder_adopter_share_ews_variance_by_stakeholder_innovation"].sel(stakeholder_innovation="screening").values[0, 11:] == 0).all()
assert np.isnan(ews["stakeholder_adopter_share_screening_ews_variance_tau"].values[0])
assert int(ews["window_steps"].values[0]) == 12, ews["window_steps"].values

runs = xr.open_dataset(path, group="runs", engine="h5netcdf")
assert int(runs["seed"].values[0]) == 20251124, runs["seed"].values
events = xr.open_dataset(path, group="events", engine="h5netcdf")
assert "kind" in events.variables
# Each event's date, decoded by xarray, is the first day of its step in /metrics/time.
assert np.issubdtype(events["date"].values.dtype, np.datetime64), events["date"].dtype
assert events.sizes["event"] > 0
assert (events["date"].values == times[events["step"].values]).all()

# CF metadata a reader can trust: Conventions at the root, a long_name on every dataset, spending
# in the mission's currency code (as /impact gives it), not the word "currency".
with h5py.File(path, "r") as f:
    assert f.attrs["Conventions"] == "CF-1.8", f.attrs.get("Conventions")
    unnamed = []
    f.visititems(lambda n, o: unnamed.append(n) if isinstance(o, h5py.Dataset) and "long_name" not in o.attrs else None)
    assert not unnamed, f"datasets without long_name: {unnamed}"
    assert f["metrics/total_spend"].attrs["units"] == "EUR", f["metrics/total_spend"].attrs["units"]
print("ok:", path)
