// Stand-in for the Meta pixel: a first-party _fbp cookie (90 days) on the site's registrable domain
// (the pixel sets it for ".example.be" from www.example.be; host-only on an IP address or localhost)
// and a request to facebook.com/tr.
(function () {
  var fbp = 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e10);
  var cookie = '_fbp=' + fbp + '; max-age=7776000; path=/';
  var labels = location.hostname.split('.');
  var named = /[a-z]/i.test(location.hostname) && labels.length > 1;
  for (var at = labels.length - 2; named && at >= 0 && document.cookie.indexOf(fbp) < 0; at--) document.cookie = cookie + '; domain=.' + labels.slice(at).join('.');
  if (document.cookie.indexOf(fbp) < 0) document.cookie = cookie;
  var ping = new Image(); ping.onload = ping.onerror = details; ping.src = 'https://www.facebook.com/tr?id=1234567890&ev=PageView&fbp=' + encodeURIComponent(fbp);
  // The event's details follow the PageView ping as a keepalive POST, as the real pixel sends them.
  function details() {
    var body = new URLSearchParams({ id: '1234567890', ev: 'PageView', fbp: fbp, dl: location.href });
    fetch('https://www.facebook.com/tr', { method: 'POST', body: body, keepalive: true, mode: 'no-cors', credentials: 'include' }).catch(function () {});
  }
})();
