// Stand-in for the Meta pixel: a first-party _fbp cookie (90 days) and a request to facebook.com/tr.
(function () {
  var fbp = 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e10);
  document.cookie = '_fbp=' + fbp + '; max-age=7776000; path=/';
  new Image().src = 'https://www.facebook.com/tr?id=1234567890&ev=PageView&fbp=' + encodeURIComponent(fbp);
})();
