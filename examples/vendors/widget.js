// Stand-in for a third-party chat widget that no tracker list knows: it keeps an EventSource open for
// incoming messages for as long as the page lives, as live-chat widgets do.
(function () {
  var note = document.createElement('p');
  note.textContent = 'Chat with us';
  document.body.appendChild(note);
  new EventSource('https://cdn.chatwidget.example/events?site=42');
})();
