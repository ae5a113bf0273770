// Stand-in for an audio fingerprint, done the way FingerprintJS does it: a triangle oscillator through a
// dynamics compressor, rendered offline (no sound, no permission), and a sum over the rendered samples,
// which differs with the device's audio stack. The sum goes home in a beacon.
(function () {
  var Offline = window.OfflineAudioContext || window.webkitOfflineAudioContext;
  if (!Offline) return;
  var context = new Offline(1, 5000, 44100);
  var oscillator = context.createOscillator();
  oscillator.type = 'triangle';
  oscillator.frequency.value = 10000;
  var compressor = context.createDynamicsCompressor();
  compressor.threshold.value = -50;
  compressor.knee.value = 40;
  compressor.ratio.value = 12;
  compressor.attack.value = 0;
  compressor.release.value = 0.25;
  oscillator.connect(compressor);
  compressor.connect(context.destination);
  oscillator.start(0);
  context.oncomplete = function (event) {
    var samples = event.renderedBuffer.getChannelData(0);
    var sum = 0;
    for (var i = 4500; i < samples.length; i++) sum += Math.abs(samples[i]);
    navigator.sendBeacon('https://api.devicesignal.example/v3/collect', JSON.stringify({ kind: 'audio', id: sum.toString(), page: location.href }));
  };
  context.startRendering();
})();
