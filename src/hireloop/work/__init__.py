"""The console's and API's view of background tasks."""
