// Stand-in for Google's gtag.js (GA4): a 2-year first-party _ga cookie and a _ga_<id> session cookie
// written from script, the page_view hit sent with navigator.sendBeacon, and the later hits the real
// loader sends with fetch(…, {keepalive: true}): user_engagement after ten seconds on the page, and
// a scroll event once the visitor has scrolled to the bottom (enhanced measurement).
(function () {
  var id = (document.currentScript && new URL(document.currentScript.src).searchParams.get('id')) || 'G-DEMO';
  var twoYears = 63072000;
  var client = 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000);
  document.cookie = '_ga=' + client + '; max-age=' + twoYears + '; path=/; SameSite=Lax';
  document.cookie = '_ga_' + id.replace(/^G-/, '') + '=GS1.1.' + Date.now() + '; max-age=' + twoYears + '; path=/';
  function hit(event) {
    return 'https://www.google-analytics.com/g/collect?v=2&tid=' + id + '&cid=' + client + '&en=' + event;
  }
  function later(event) {
    fetch(hit(event), { method: 'POST', keepalive: true, mode: 'no-cors' }).catch(function () {});
  }
  navigator.sendBeacon(hit('page_view'));
  setTimeout(function () { later('user_engagement'); }, 10000);
  addEventListener('scroll', function scrolled() {
    if (innerHeight + scrollY < document.documentElement.scrollHeight * 0.9) return;
    removeEventListener('scroll', scrolled);
    later('scroll');
  }, { passive: true });
})();
