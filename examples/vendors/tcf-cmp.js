// Stand-in for an IAB TCF v2.2 consent management platform, loaded as
//   <script src="https://cdn.tcf-cmp.example/cmp.js?mode=honest"></script>
// It installs the __tcfapi stub at once (calls are queued, as the IAB stub does, until the CMP is
// ready), loads @iabtcf/core's encoder and the vendor list from its own host, builds a real TC string
// and answers getTCData and addEventListener by callback, later, as real CMPs do. It shows a banner
// with "Accept all" and "Reject all"; the choice is kept in a first-party "consent" cookie.
//   mode=honest      nothing is consented until the visitor accepts
//   mode=pregranted  every purpose and vendor is consented from the start, and a refusal only hides
//                    the banner (the flaw consent-gate must catch)
(function () {
  var base = 'https://cdn.tcf-cmp.example/';
  var mode = new URL(document.currentScript.src).searchParams.get('mode') || 'honest';
  var choice = (document.cookie.match(/(?:^|; )consent=(\w+)/) || [])[1];
  var queue = [];
  var listeners = [];
  var nextListener = 1;
  var state = null; // { tcString, eventStatus } once the CMP is ready

  function tcData(listenerId) {
    var data = { tcString: state.tcString, tcfPolicyVersion: 5, cmpId: 300, cmpVersion: 1, gdprApplies: true, eventStatus: state.eventStatus, cmpStatus: 'loaded', isServiceSpecific: true, useNonStandardTexts: false, publisherCC: 'NL', purposeOneTreatment: false };
    if (listenerId !== undefined) data.listenerId = listenerId;
    return data;
  }
  function handle(command, version, callback, parameter) {
    if (typeof callback !== 'function') return;
    if (command === 'ping') return callback({ gdprApplies: true, cmpLoaded: state !== null, cmpStatus: state ? 'loaded' : 'stub', displayStatus: state && state.eventStatus === 'cmpuishown' ? 'visible' : 'hidden', apiVersion: '2.2', cmpVersion: 1, cmpId: 300, gvlVersion: 70, tcfPolicyVersion: 5 }, true);
    if (state === null) return void queue.push([command, version, callback, parameter]);
    if (command === 'getTCData') return callback(tcData(), true);
    if (command === 'addEventListener') {
      var id = nextListener++;
      listeners.push({ id: id, callback: callback });
      return callback(tcData(id), true);
    }
    if (command === 'removeEventListener') {
      var before = listeners.length;
      listeners = listeners.filter(function (l) { return l.id !== parameter; });
      return callback(listeners.length < before);
    }
    callback(null, false);
  }
  window.__tcfapi = function (command, version, callback, parameter) {
    handle(command, version, callback, parameter);
  };
  // The frame other frames find the CMP by, as the IAB stub adds it.
  var locator = document.createElement('iframe');
  locator.name = '__tcfapiLocator';
  locator.style.display = 'none';
  (document.body || document.documentElement).appendChild(locator);

  Promise.all([import(base + 'iabtcf/core/index.js'), fetch(base + 'vendor-list.json').then(function (r) { return r.json(); })]).then(function (loaded) {
    var tcf = loaded[0];
    var gvl = new tcf.GVL(loaded[1]);
    function encode(consented) {
      var model = new tcf.TCModel(gvl);
      model.cmpId = 300;
      model.cmpVersion = 1;
      model.publisherCountryCode = 'NL';
      model.isServiceSpecific = true;
      if (consented) {
        model.setAllPurposeConsents();
        model.setAllVendorConsents();
      }
      return tcf.TCString.encode(model);
    }
    function tell(eventStatus, consented) {
      state = { tcString: encode(consented), eventStatus: eventStatus };
      listeners.forEach(function (l) { l.callback(tcData(l.id), true); });
    }
    function decided(value) {
      document.cookie = 'consent=' + value + '; max-age=15552000; path=/; SameSite=Lax';
      var banner = document.getElementById('tcf-banner');
      if (banner) banner.remove();
      tell('useractioncomplete', value === 'all' || mode === 'pregranted');
    }
    if (choice) tell('tcloaded', choice === 'all' || mode === 'pregranted');
    else {
      tell('cmpuishown', mode === 'pregranted');
      var banner = document.createElement('div');
      banner.id = 'tcf-banner';
      banner.style.cssText = 'position:fixed;bottom:0;left:0;right:0;background:#eee;padding:1em;z-index:9999';
      banner.innerHTML = '<p>We and our 2 partners store and access information on your device for personalised ads and measurement. Read our <a href="/cookies.html">cookie policy</a>.</p>';
      [['Accept all', 'all'], ['Reject all', 'necessary']].forEach(function (control) {
        var button = document.createElement('button');
        button.textContent = control[0];
        button.addEventListener('click', function () { decided(control[1]); });
        banner.appendChild(button);
      });
      document.body.appendChild(banner);
    }
    // Calls made before the CMP was ready are answered now, each in turn.
    queue.splice(0).forEach(function (call) { handle(call[0], call[1], call[2], call[3]); });
  });
})();
