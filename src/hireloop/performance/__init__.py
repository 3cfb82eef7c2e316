"""Performance module: employees (linked to the application they were hired from), review cycles, reviews,
employment changes and exits; the landing place for data synced or imported from other HR systems."""
