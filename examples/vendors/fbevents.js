// Stand-in for the Meta pixel: a first-party _fbp cookie (90 days) and a request to facebook.com/tr.
(function () {
  var fbp = 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e10);
  document.cookie = '_fbp=' + fbp + '; max-age=7776000; path=/';
  var ping = new Image(); ping.onload = ping.onerror = details; ping.src = 'https://www.facebook.com/tr?id=1234567890&ev=PageView&fbp=' + encodeURIComponent(fbp);
  // The event's details follow the PageView ping as a keepalive POST, as the real pixel sends them.
  function details() {
    var body = new URLSearchParams({ id: '1234567890', ev: 'PageView', fbp: fbp, dl: location.href });
    fetch('https://www.facebook.com/tr', { method: 'POST', body: body, keepalive: true, mode: 'no-cors', credentials: 'include' }).catch(function () {});
  }
})();
