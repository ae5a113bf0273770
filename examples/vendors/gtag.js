// Stand-in for Google's gtag.js (GA4): a 2-year first-party _ga cookie and a _ga_<id> session cookie
// written from script on the highest domain that takes them, as GA's cookie_domain 'auto' does (on
// www.example.be they land on .example.be; on an IP address or localhost, host-only), the page_view hit sent with navigator.sendBeacon, and the later hits the real
// loader sends with fetch(…, {keepalive: true}): user_engagement after ten seconds on the page, and
// a scroll event once the visitor has scrolled to the bottom (enhanced measurement).
// Consent Mode as the real one honours it: gtag('consent', 'default' | 'update', {…}) commands in the
// dataLayer, before or after it loads. With analytics_storage denied it writes no cookie and its hits
// are "cookieless pings"; once a page has said anything about consent, every hit carries gcs and gcd.
(function () {
  var id = (document.currentScript && new URL(document.currentScript.src).searchParams.get('id')) || 'G-DEMO';
  var twoYears = 63072000;
  var client = 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000);
  var layer = (window.dataLayer = window.dataLayer || []);
  /** signal → { default, update } as the page's commands set them. */
  var consent = {};
  var consentMode = false;

  function command(args) {
    if (!args || args[0] !== 'consent' || (args[1] !== 'default' && args[1] !== 'update') || !args[2]) return;
    consentMode = true;
    for (var signal in args[2]) {
      consent[signal] = consent[signal] || {};
      consent[signal][args[1]] = args[2][signal];
    }
    if (args[1] === 'update') stored();
  }
  function granted(signal) {
    var set = consent[signal];
    return !consentMode || (set !== undefined && (set.update || set['default']) === 'granted');
  }
  // gcd's letter for a signal: how its default and its update set it.
  function letter(signal) {
    var set = consent[signal] || {};
    var d = set['default'];
    var u = set.update;
    if (!d && !u) return 'l';
    if (!u) return d === 'granted' ? 't' : 'p';
    if (!d) return u === 'granted' ? 'n' : 'm';
    if (d === 'granted') return u === 'granted' ? 'v' : 'u';
    return u === 'granted' ? 'r' : 'q';
  }
  function consentParams() {
    if (!consentMode) return '';
    var gcs = 'G1' + (granted('ad_storage') ? 1 : 0) + (granted('analytics_storage') ? 1 : 0);
    var gcd = '13' + letter('ad_storage') + '3' + letter('analytics_storage') + '3' + letter('ad_user_data') + '3' + letter('ad_personalization') + '5';
    return '&gcs=' + gcs + '&gcd=' + gcd;
  }
  // cookie_domain 'auto': from the top down, the first domain the browser lets the cookie live on.
  function write(text, name, value) {
    var host = location.hostname;
    if (!/^[\d.]+$/.test(host) && host.indexOf('.') > 0) {
      var labels = host.split('.');
      for (var i = labels.length - 2; i >= 0; i--) {
        document.cookie = text + '; domain=' + labels.slice(i).join('.');
        if (document.cookie.indexOf(name + '=' + value) >= 0) return;
      }
    }
    document.cookie = text;
  }
  var cookiesWritten = false;
  function stored() {
    if (cookiesWritten || !granted('analytics_storage')) return;
    cookiesWritten = true;
    var session = 'GS1.1.' + Date.now();
    write('_ga=' + client + '; max-age=' + twoYears + '; path=/; SameSite=Lax', '_ga', client);
    write('_ga_' + id.replace(/^G-/, '') + '=' + session + '; max-age=' + twoYears + '; path=/', '_ga_' + id.replace(/^G-/, ''), session);
  }
  function hit(event) {
    return 'https://www.google-analytics.com/g/collect?v=2&tid=' + id + '&cid=' + client + consentParams() + '&en=' + event;
  }
  function later(event) {
    fetch(hit(event), { method: 'POST', keepalive: true, mode: 'no-cors' }).catch(function () {});
  }

  // Commands queued before the loader came, then every later push as it happens.
  for (var i = 0; i < layer.length; i++) command(layer[i]);
  var push = layer.push;
  layer.push = function () {
    var length = push.apply(layer, arguments);
    for (var j = 0; j < arguments.length; j++) command(arguments[j]);
    return length;
  };

  stored();
  navigator.sendBeacon(hit('page_view'));
  setTimeout(function () { later('user_engagement'); }, 10000);
  addEventListener('scroll', function scrolled() {
    if (innerHeight + scrollY < document.documentElement.scrollHeight * 0.9) return;
    removeEventListener('scroll', scrolled);
    later('scroll');
  }, { passive: true });
})();
