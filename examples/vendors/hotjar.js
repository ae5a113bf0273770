// Stand-in for Hotjar: visitor and session ids in localStorage and sessionStorage, no cookie needed.
(function () {
  var site = 1234567;
  localStorage.setItem('_hjSessionUser_' + site, JSON.stringify({ id: Math.random().toString(16).slice(2), created: Date.now() }));
  sessionStorage.setItem('_hjSession_' + site, JSON.stringify({ id: Math.random().toString(16).slice(2), c: Date.now() }));
})();
