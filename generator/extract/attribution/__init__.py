"""Who said a quote: cues (cues.py, surface.py) over the parse (verbs.py), named by
the document's resolver (speaker.py, ../resolve.py)."""
