// Stand-in for a consent manager's script: infrastructure the site needs, not a tracker.
window.__consentReady = true;
