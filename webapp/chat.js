// The Chorus chat page. No framework and nothing from another origin: it must work offline and under any
// context path. Every message is put on the page as text (textContent), never parsed as HTML.
(function () {
  'use strict';

  // Waits before reconnect attempts 1, 2, 3 and every later one; an open connection starts over at 1 s.
  var BACKOFF_SECONDS = [1, 2, 5, 10];
  // Closer to the bottom than this counts as "at the bottom" (zoom leaves fractional scroll offsets).
  var BOTTOM_SLACK_PX = 16;
  var SAID = /^Client\((\d+)\) said: /;
  var GREETING = 'Hey all, a new client has joined us';
  // Standard names (RFC 6455) for closes that carry no reason, e.g. a connection attempt that failed.
  var CLOSE_NAMES = {
    1000: 'normal closure', 1001: 'going away', 1002: 'protocol error', 1003: 'unsupported data',
    1006: 'abnormal closure', 1007: 'invalid data', 1008: 'policy violation', 1009: 'message too big',
    1011: 'internal error', 1012: 'service restart', 1013: 'try again later'
  };

  /**
   * The chat socket for a page at `location` (window.location or a URL): same host and port, ws: or wss: to
   * match http: or https:, and the page's directory as the path, so a WAR deployed at /chorus/ talks to
   * /chorus/ (and /index.html to /).
   */
  function socketUrl(location) {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var directory = location.pathname.replace(/[^/]*$/, '');
    return scheme + '//' + location.host + directory;
  }

  // Exposed so the URL rule can be checked for locations this page is not served from.
  window.chorusSocketUrl = socketUrl;

  var connection = document.getElementById('connection');
  var state = document.getElementById('state');
  var retry = document.getElementById('retry');
  var scroller = document.getElementById('scroller');
  var log = document.getElementById('log');
  var latest = document.getElementById('latest');
  var form = document.getElementById('send');
  var input = document.getElementById('text');
  var maxLines = parseInt(log.getAttribute('data-max-lines'), 10) || 500;
  var socket = null;
  var failedAttempts = 0;
  var countdown = null;
  var wasOpen = false;
  // Whether the view follows new lines. Only the reader's own scrolling changes it, so a resize (a phone
  // turned, its keyboard opened) keeps a reader who was at the bottom there.
  var following = true;

  function showState(name, text, retryText) {
    connection.setAttribute('data-state', name);
    form.classList.toggle('offline', name !== 'open');
    if (state.textContent !== text) state.textContent = text;
    retry.textContent = retryText || '';
  }

  function closeText(event) {
    var reason = event.reason || CLOSE_NAMES[event.code] || '';
    return event.code + (reason ? ' ' + reason : '');
  }

  function isAtBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= BOTTOM_SLACK_PX;
  }

  function scrollToBottom() {
    scroller.scrollTop = scroller.scrollHeight;
    latest.hidden = true;
  }

  function span(className, text) {
    var element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    return element;
  }

  // "Client(N) said: X" becomes three spans (whose text still reads exactly the same) so the sender stands out.
  function body(text) {
    var element = document.createElement('p');
    element.className = 'body';
    var said = SAID.exec(text);
    if (said) {
      var who = span('who', 'Client(' + said[1] + ')');
      who.style.setProperty('--hue', String((Number(said[1]) * 137) % 360));
      element.appendChild(who);
      element.appendChild(span('verb', ' said: '));
      element.appendChild(span('text', text.slice(said[0].length)));
    } else {
      element.textContent = text;
    }
    return element;
  }

  function clock(now) {
    var time = document.createElement('time');
    time.dateTime = now.toISOString();
    time.textContent = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return time;
  }

  function show(text, kind) {
    var line = document.createElement('div');
    line.className = 'line ' + kind;
    line.appendChild(clock(new Date()));
    line.appendChild(body(text));
    log.appendChild(line);
    trim();
    if (following) {
      scrollToBottom();
    } else {
      latest.hidden = false;
    }
  }

  // Drops the oldest lines past the cap; a reader scrolled up keeps seeing the same lines.
  function trim() {
    var before = scroller.scrollHeight;
    while (log.childElementCount > maxLines) log.removeChild(log.firstElementChild);
    var removed = before - scroller.scrollHeight;
    if (removed > 0) scroller.scrollTop -= removed;
  }

  function showMessage(data) {
    if (typeof data === 'string') {
      show(data, SAID.test(data) ? 'said' : data === GREETING ? 'joined' : 'server');
    } else {
      var bytes = data.byteLength;
      show('[binary, ' + bytes + (bytes === 1 ? ' byte]' : ' bytes]'), 'binary');
    }
  }

  function connect() {
    var opened = false;
    showState('connecting', 'Connecting…');
    socket = new WebSocket(socketUrl(window.location));
    socket.binaryType = 'arraybuffer';
    socket.onopen = function () {
      opened = true;
      failedAttempts = 0;
      if (wasOpen) show('Reconnected', 'notice');
      wasOpen = true;
      showState('open', 'Connected');
    };
    socket.onmessage = function (event) {
      showMessage(event.data);
    };
    socket.onclose = function (event) {
      socket = null;
      // Only a connection that was up gets a line in the log; failed attempts show in the status alone.
      if (opened) show('Disconnected: ' + closeText(event), 'notice');
      waitThenReconnect('Closed: ' + closeText(event));
    };
  }

  function waitThenReconnect(closedText) {
    var remaining = BACKOFF_SECONDS[Math.min(failedAttempts, BACKOFF_SECONDS.length - 1)];
    failedAttempts++;
    var tick = function () {
      if (remaining <= 0) {
        clearInterval(countdown);
        countdown = null;
        connect();
        return;
      }
      showState('closed', closedText, 'Reconnecting in ' + remaining + ' s');
      remaining--;
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  // A real form: Enter and the button both submit, the label names the box, and the box keeps the focus.
  // An empty message is sent too, as the tutorial allows it. While offline the text stays in the box.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(input.value);
      input.value = '';
    }
    input.focus();
  });

  scroller.addEventListener('scroll', function () {
    following = isAtBottom();
    if (following) latest.hidden = true;
  });

  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      if (following) scrollToBottom();
    }).observe(scroller);
  }

  latest.addEventListener('click', function () {
    scrollToBottom();
    input.focus();
  });

  connect();
}());
