// Stand-in for a third-party widget that no tracker list knows.
(function () {
  var note = document.createElement('p');
  note.textContent = 'Chat with us';
  document.body.appendChild(note);
})();
