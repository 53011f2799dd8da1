// The Chorus chat page. No framework and nothing from another origin: it must work offline and under any
// context path. Every message is put on the page as text (textContent), never parsed as HTML.
//
// It offers the chorus.v1 subprotocol (see the README). When the server chooses it, the page shows its own id
// and who is here, and after a reconnect asks for what it missed with ?since=SEQ; when the server does not,
// the page shows the tutorial's plain text lines as they come.
(function () {
  'use strict';

  var PROTOCOL = 'chorus.v1';

  // Reconnects back off with "full jitter": attempt n waits a random time from 0 to min(10 s, 1 s × 2^(n-1)),
  // so the pages a restarted server dropped do not all come back in the same second. An open connection
  // starts over at attempt 1.
  var RETRY_FIRST_MS = 1000;
  var RETRY_MAX_MS = 10000;
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
  var presence = document.getElementById('presence');
  var me = document.getElementById('me');
  var members = document.getElementById('members');
  var socket = null;
  // chorus.v1 state. lastSeq: the newest said-message accounted for (seen, or reported lost in a gap), so a
  // reconnect asks for what came after it; null until the first welcome. memberIds: who is here, in join order.
  var offerV1 = true;
  var spokeV1 = false;
  var lastSeq = null;
  // The newest said-message's seq when this connection was welcomed: a replay ends there.
  var welcomeSeq = 0;
  var myId = null;
  var memberIds = [];
  var failedAttempts = 0;
  var countdown = null; // shows the seconds left until the reconnect
  var retryTimer = null; // reconnects
  var wasOpen = false;
  var leaving = false;
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

  function client(id) {
    return 'Client(' + id + ')';
  }

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function showPresence() {
    presence.hidden = myId === null;
    me.textContent = myId === null ? '' : 'You are ' + client(myId);
    while (members.firstChild) members.removeChild(members.firstChild);
    memberIds.forEach(function (id) {
      var item = document.createElement('li');
      item.textContent = client(id);
      if (id === myId) item.className = 'you';
      members.appendChild(item);
    });
    presence.setAttribute('data-id', myId === null ? '' : String(myId));
  }

  function said(event) {
    // No seq: said on a server cut off from the others (scale-out), for its clients only. Shown, not counted.
    if (typeof event.seq === 'number') {
      if (event.seq <= lastSeq) return; // already shown: never twice
      lastSeq = event.seq;
    }
    show(client(event.from) + ' said: ' + event.text, 'said');
  }

  // One chorus.v1 event. `since` is what this connection asked for (null: nothing, a fresh start).
  function showEvent(text, since) {
    var event = null;
    try {
      event = JSON.parse(text);
    } catch (notJson) {
      // Shown as it is below, like any text that is not an event (an operator's message, for one).
    }
    if (event === null || typeof event !== 'object' || typeof event.type !== 'string') {
      show(text, 'server');
      return;
    }
    switch (event.type) {
      case 'welcome':
        myId = event.id;
        memberIds = event.members.slice();
        welcomeSeq = event.seq;
        if (since === null) {
          lastSeq = event.seq; // only what comes after joining is news
        } else if (since > event.seq) {
          lastSeq = 0; // the server restarted and counts from 1 again: all it kept is news
        }
        showPresence();
        show('You joined as ' + client(myId), 'joined');
        break;
      case 'joined':
        if (memberIds.indexOf(event.id) < 0) memberIds.push(event.id);
        showPresence();
        show(client(event.id) + ' joined', 'joined');
        break;
      case 'left':
        memberIds = memberIds.filter(function (id) { return id !== event.id; });
        showPresence();
        show(client(event.id) + ' left', 'left');
        break;
      case 'said':
        said(event);
        break;
      case 'history':
        event.messages.forEach(said);
        break;
      case 'notice':
        show(event.text, 'server');
        break;
      case 'gap':
        // The replay after it moves lastSeq on. The missed ones are not always the oldest (a server of several
        // may lack some in between), so lastSeq jumps only if nothing follows: all of them were missed.
        if (lastSeq + event.missed >= welcomeSeq) lastSeq = welcomeSeq;
        show('Missed ' + plural(event.missed, 'message', 'messages') + ' that could not be recovered', 'notice');
        break;
      default:
        break; // a newer server's event this page does not know
    }
  }

  function showMessage(data) {
    if (typeof data === 'string') {
      show(data, SAID.test(data) ? 'said' : data === GREETING ? 'joined' : 'server');
    } else {
      var bytes = data.byteLength;
      show('[binary, ' + bytes + (bytes === 1 ? ' byte]' : ' bytes]'), 'binary');
    }
  }

  // Browsers fail a handshake that offered a subprotocol the server did not choose, so an attempt offering
  // chorus.v1 that fails is followed at once by one offering nothing (`plain`): a server that speaks only the
  // tutorial's text gets in that way. Once chorus.v1 has worked, the server is known to speak it.
  function connect(plain) {
    var opened = false;
    var v1 = false;
    var offering = offerV1 && !plain;
    var since = offering ? lastSeq : null;
    var url = socketUrl(window.location) + (since === null ? '' : '?since=' + since);
    showState('connecting', 'Connecting…');
    var ws = offering ? new WebSocket(url, [PROTOCOL]) : new WebSocket(url);
    socket = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = function () {
      opened = true;
      v1 = ws.protocol === PROTOCOL;
      spokeV1 = spokeV1 || v1;
      failedAttempts = 0;
      if (wasOpen) show('Reconnected', 'notice');
      wasOpen = true;
      showState('open', 'Connected');
    };
    ws.onmessage = function (event) {
      if (v1 && typeof event.data === 'string') {
        showEvent(event.data, since);
      } else {
        showMessage(event.data);
      }
    };
    ws.onclose = function (event) {
      socket = null;
      // Only a connection that was up gets a line in the log; failed attempts show in the status alone.
      if (opened) show('Disconnected: ' + closeText(event), 'notice');
      if (v1) afterV1Close(event, since);
      if (!opened && offering && !spokeV1) {
        connect(true);
      } else {
        waitThenReconnect('Closed: ' + closeText(event));
      }
    };
  }

  // Reconnecting must not repeat what made the server close: see the README's "The page".
  function afterV1Close(event, since) {
    if (event.code === 1003 || event.code === 1007) {
      // The server did not understand our commands: speak the tutorial's plain text from now on.
      offerV1 = false;
      lastSeq = null;
      show('The server refused chorus.v1 commands: going on in plain text', 'notice');
    } else if (event.code === 1008 && since !== null && myId === null) {
      // Closed before its welcome: the server refused the ?since=. Start afresh rather than ask again.
      lastSeq = null;
      show('The server could not recover missed messages', 'notice');
    }
    myId = null;
    memberIds = [];
    showPresence();
  }

  function waitThenReconnect(closedText) {
    var ceiling = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * Math.pow(2, failedAttempts));
    var wait = Math.floor(Math.random() * (ceiling + 1));
    var reconnectAt = Date.now() + wait;
    failedAttempts++;
    var showRemaining = function () {
      var seconds = Math.max(1, Math.ceil((reconnectAt - Date.now()) / 1000)); // whole seconds, rounded up
      showState('closed', closedText, 'Reconnecting in ' + seconds + ' s');
    };
    showRemaining();
    countdown = setInterval(showRemaining, 1000);
    // Its own timer, not the countdown's ticks: those would round every page's wait to whole seconds again.
    retryTimer = setTimeout(function () {
      stopWaiting();
      connect();
    }, wait);
  }

  function stopWaiting() {
    clearInterval(countdown);
    clearTimeout(retryTimer);
    countdown = null;
    retryTimer = null;
  }

  // A real form: Enter and the button both submit, the label names the box, and the box keeps the focus.
  // An empty message is sent too, as the tutorial allows it. While offline the text stays in the box.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(socket.protocol === PROTOCOL ? JSON.stringify({ type: 'say', text: input.value }) : input.value);
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

  // Leaving the page closes the socket at once, also when the browser keeps the page in its back/forward
  // cache (where it could otherwise stay open, a member no one sees); coming back from that cache reconnects,
  // with ?since= like any reconnect.
  window.addEventListener('pagehide', function () {
    leaving = true;
    stopWaiting();
    if (socket) {
      var closing = socket;
      socket = null;
      closing.onclose = null; // nothing to show or retry: the page is going
      closing.close(1000, 'page closed');
    }
  });

  window.addEventListener('pageshow', function (event) {
    if (event.persisted && leaving) {
      leaving = false;
      connect();
    }
  });

  latest.addEventListener('click', function () {
    scrollToBottom();
    input.focus();
  });

  connect();
}());
