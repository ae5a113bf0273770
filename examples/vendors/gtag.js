// Stand-in for Google's gtag.js (GA4): a 2-year first-party _ga cookie, a _ga_<id> session cookie,
// and a beacon to /g/collect, as the real loader does on page view.
(function () {
  var id = (document.currentScript && new URL(document.currentScript.src).searchParams.get('id')) || 'G-DEMO';
  var twoYears = 63072000;
  var client = 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000);
  document.cookie = '_ga=' + client + '; max-age=' + twoYears + '; path=/; SameSite=Lax';
  document.cookie = '_ga_' + id.replace(/^G-/, '') + '=GS1.1.' + Date.now() + '; max-age=' + twoYears + '; path=/';
  var beacon = 'https://www.google-analytics.com/g/collect?v=2&tid=' + id + '&cid=' + client + '&en=page_view';
  if (navigator.sendBeacon) navigator.sendBeacon(beacon);
  else new Image().src = beacon;
})();
