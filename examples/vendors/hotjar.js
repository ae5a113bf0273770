// Stand-in for Hotjar: visitor and session ids in localStorage and sessionStorage, no cookie needed;
// then, as the real recorder does, a WebSocket that stays open for the session and a request to the
// ingestion endpoint whose answer is still streaming when the visit ends.
(function () {
  var site = 1234567;
  localStorage.setItem('_hjSessionUser_' + site, JSON.stringify({ id: Math.random().toString(16).slice(2), created: Date.now() }));
  sessionStorage.setItem('_hjSession_' + site, JSON.stringify({ id: Math.random().toString(16).slice(2), c: Date.now() }));
  var socket = new WebSocket('wss://ws.hotjar.com/api/v2/client/ws');
  socket.onopen = function () { socket.send(JSON.stringify({ site: site, event: 'page_view' })); };
  fetch('https://in.hotjar.com/api/v2/client/sites/' + site + '/visit-data?sv=7').then(function (answer) {
    var reader = answer.body.getReader();
    (function read() { reader.read().then(function (part) { if (!part.done) read(); }, function () {}); })();
  }, function () {});
})();
