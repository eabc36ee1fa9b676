"""`make bench`: newsdesk's speed and memory on a corpus scaled up from data/."""
