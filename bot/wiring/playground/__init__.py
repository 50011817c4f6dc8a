"""`rapport playground`: the real web app, a small Slack stand-in and a page that shows both."""
