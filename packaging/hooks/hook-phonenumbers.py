"""PyInstaller hook for phonenumbers: its metadata modules, without the geocoding tables.

phonenumbers loads each region's metadata by name at run time, so every module under
``phonenumbers.data`` and ``phonenumbers.shortdata`` must be collected. The stock hook collects
every submodule, including ~20 MB of geocoder, carrier and time-zone tables that irviewer never
uses (it only finds and validates numbers); this one leaves those out.
"""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata")


def _wanted(name: str) -> bool:
    parts = name.split(".")
    return len(parts) < 2 or parts[1] not in UNUSED


hiddenimports = collect_submodules("phonenumbers", filter=_wanted)
