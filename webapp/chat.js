// Chorus chat page: connects to the socket at this page's own origin and path (wss under https, any
// context path kept), shows every message as text, reconnects with backoff.
(function () {
  'use strict';
  var MAX_LINES = 500;
  var BACKOFF_SECONDS = [1, 2, 5, 10];
  var log = document.getElementById('log');
  var state = document.getElementById('state');
  var form = document.getElementById('send');
  var input = document.getElementById('text');
  var socket = null;
  var attempt = 0;

  function socketUrl() {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var path = location.pathname.replace(/[^/]*$/, '');
    return scheme + '//' + location.host + path;
  }

  function show(text, className) {
    var main = log.parentNode;
    var atBottom = main.scrollHeight - main.scrollTop - main.clientHeight < 40;
    var line = document.createElement('li');
    line.textContent = text;
    if (className) line.className = className;
    log.appendChild(line);
    while (log.childNodes.length > MAX_LINES) log.removeChild(log.firstChild);
    if (atBottom) main.scrollTop = main.scrollHeight;
  }

  function connect() {
    state.textContent = 'connecting…';
    socket = new WebSocket(socketUrl());
    socket.binaryType = 'arraybuffer';
    socket.onopen = function () { attempt = 0; state.textContent = 'connected'; };
    socket.onmessage = function (event) {
      if (typeof event.data === 'string') show(event.data);
      else show('[binary, ' + event.data.byteLength + ' bytes]', 'binary');
    };
    socket.onclose = function (event) {
      var delay = BACKOFF_SECONDS[Math.min(attempt, BACKOFF_SECONDS.length - 1)];
      attempt++;
      state.textContent = 'closed (' + event.code + (event.reason ? ' ' + event.reason : '') +
        '), reconnecting in ' + delay + ' s';
      setTimeout(connect, delay * 1000);
    };
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(input.value);
      input.value = '';
    }
    input.focus();
  });

  connect();
}());
