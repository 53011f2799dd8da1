// The Chorus chat page. No framework and nothing from another origin: it must work offline and under any
// context path. Every message is put on the page as text (textContent), never parsed as HTML.
//
// It offers the chorus.v1 subprotocol (see the README). When the server chooses it, the page shows its own name
// and who is here, the room's recent history when it first joins, and after a reconnect asks for what it missed
// with ?since=SEQ; when the server does not, the page shows the tutorial's plain text lines as they come.
//
// Each room has its own page: at the root (or a WAR's context path) the tutorial's room "/", at .../rooms/NAME/
// the room NAME, whose socket is .../rooms/NAME. The display name the reader chooses is kept in localStorage
// and sent as ?name= on every connection, in every room.
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
  // A room's page is at .../rooms/NAME/ (the room names the server accepts: 1-64 of A-Z a-z 0-9 _ -).
  var ROOM_PAGE = /\/rooms\/([A-Za-z0-9_-]{1,64})\/$/;
  var ROOT_ROOM = '/';
  // localStorage: the display name chosen, and whether the reader has answered the question (a name or "not now").
  var NAME_KEY = 'chorus.name';
  var ASKED_KEY = 'chorus.name.asked';
  var NAME_MAX = 32;
  var NAME_CHARS = nameChars();
  var GREETING = 'Hey all, a new client has joined us';
  // Standard names (RFC 6455) for closes that carry no reason, e.g. a connection attempt that failed.
  var CLOSE_NAMES = {
    1000: 'normal closure', 1001: 'going away', 1002: 'protocol error', 1003: 'unsupported data',
    1006: 'abnormal closure', 1007: 'invalid data', 1008: 'policy violation', 1009: 'message too big',
    1011: 'internal error', 1012: 'service restart', 1013: 'try again later'
  };

  // What the server accepts in a display name, checked here first so a refused handshake does not loop: letters,
  // digits, space and - _ . ' (null where the browser has no Unicode property escapes: the server still checks).
  function nameChars() {
    try {
      return new RegExp("^[\\p{L}\\p{N} _.'-]+$", 'u');
    } catch (old) {
      return null;
    }
  }

  function directoryOf(location) {
    return location.pathname.replace(/[^/]*$/, '');
  }

  /** The room of a page at `location`: NAME for a page under .../rooms/NAME/, else the tutorial's room "/". */
  function roomOf(location) {
    var room = ROOM_PAGE.exec(directoryOf(location));
    return room ? room[1] : ROOT_ROOM;
  }

  /**
   * The chat socket for a page at `location` (window.location or a URL): same host and port, ws: or wss: to
   * match http: or https:, and the page's directory as the path, so a WAR deployed at /chorus/ talks to
   * /chorus/ (and /index.html to /); a room's page at .../rooms/NAME/ talks to .../rooms/NAME.
   */
  function socketUrl(location) {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var directory = directoryOf(location);
    var path = roomOf(location) === ROOT_ROOM ? directory : directory.slice(0, -1);
    return scheme + '//' + location.host + path;
  }

  // Exposed so the URL rules can be checked for locations this page is not served from.
  window.chorusSocketUrl = socketUrl;
  window.chorusRoomOf = roomOf;

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
  var roomLabel = document.getElementById('room');
  var naming = document.getElementById('naming');
  var nameInput = document.getElementById('name');
  var nameError = document.getElementById('name-error');
  var skipName = document.getElementById('name-skip');
  var rename = document.getElementById('rename');
  var room = roomOf(window.location);
  var displayName = remembered(NAME_KEY) || '';
  var socket = null;
  // chorus.v1 state. lastSeq: the newest said-message accounted for (seen, or reported lost in a gap), so a
  // reconnect asks for what came after it; null until the first welcome. memberIds: who is here, in join order;
  // names: what each is called (an older server sends no names: then everyone is Client(N)).
  var offerV1 = true;
  var spokeV1 = false;
  var lastSeq = null;
  // The newest said-message's seq when this connection was welcomed: a replay ends there.
  var welcomeSeq = 0;
  var myId = null;
  var myName = null;
  // Every id this page has had on this server: its messages replayed after a reconnect are still its own.
  var myIds = [];
  var memberIds = [];
  var names = {};
  // The room's history is asked for once, after the first welcome; its messages go before this line (that
  // welcome's), as they were said before it.
  var historyAsked = false;
  var firstJoinLine = null;
  var failedAttempts = 0;
  var countdown = null; // shows the seconds left until the reconnect
  var retryTimer = null; // reconnects
  var wasOpen = false;
  var leaving = false;
  // Whether the view follows new lines. Only the reader's own scrolling changes it, so a resize (a phone
  // turned, its keyboard opened) keeps a reader who was at the bottom there.
  var following = true;

  function remembered(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (unavailable) {
      return null; // storage off: the page asks again next time
    }
  }

  function remember(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (unavailable) {
      // Not kept: the page asks again next time.
    }
  }

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

  // "NAME said: X" as three spans (whose text still reads exactly the same) so the sender stands out; the colour
  // follows the sender's id.
  function saidBody(name, id, text) {
    var element = document.createElement('p');
    element.className = 'body';
    var who = span('who', name);
    who.style.setProperty('--hue', String((Number(id) * 137) % 360));
    element.appendChild(who);
    element.appendChild(span('verb', ' said: '));
    element.appendChild(span('text', text));
    return element;
  }

  // The tutorial's "Client(N) said: X" gets the same spans; any other text is shown as it is.
  function body(text) {
    var said = SAID.exec(text);
    if (said) return saidBody('Client(' + said[1] + ')', said[1], text.slice(said[0].length));
    var element = document.createElement('p');
    element.className = 'body';
    element.textContent = text;
    return element;
  }

  function clock(now) {
    var time = document.createElement('time');
    time.dateTime = now.toISOString();
    time.textContent = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return time;
  }

  function line(kind, content) {
    var element = document.createElement('div');
    element.className = 'line ' + kind;
    element.appendChild(clock(new Date()));
    element.appendChild(content);
    return element;
  }

  // Adds `element` to the log: at the end, or before `before` (a line still in the log).
  function place(element, before) {
    if (before && before.parentNode === log) {
      log.insertBefore(element, before);
    } else {
      log.appendChild(element);
    }
    trim();
    if (following) {
      scrollToBottom();
    } else {
      latest.hidden = false;
    }
    return element;
  }

  function show(text, kind) {
    return place(line(kind, body(text)));
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

  function nameOf(id) {
    return Object.prototype.hasOwnProperty.call(names, id) ? names[id] : client(id);
  }

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function showPresence() {
    presence.hidden = myId === null;
    me.textContent = myId === null ? '' : 'You are ' + myName;
    while (members.firstChild) members.removeChild(members.firstChild);
    memberIds.forEach(function (id) {
      var item = document.createElement('li');
      item.textContent = nameOf(id);
      if (id === myId) item.className = 'you';
      members.appendChild(item);
    });
    presence.setAttribute('data-id', myId === null ? '' : String(myId));
  }

  function isMine(id) {
    return myIds.indexOf(id) >= 0;
  }

  // Marks a line as the reader's own: a tag that the eye sees as "you" and a screen reader reads in full.
  function markMine(element) {
    var tag = document.createElement('span');
    tag.className = 'mine';
    tag.appendChild(span('mine-short', 'you')).setAttribute('aria-hidden', 'true');
    tag.appendChild(span('visually-hidden', '(your message)'));
    element.classList.add('own');
    element.appendChild(tag);
  }

  // A said-message's line: its sender's name (from the event; an older server sends none), the text, its seq.
  function saidLine(event) {
    var name = typeof event.name === 'string' ? event.name : nameOf(event.from);
    var element = line('said', saidBody(name, event.from, String(event.text)));
    if (typeof event.seq === 'number') element.setAttribute('data-seq', String(event.seq));
    if (isMine(event.from)) markMine(element);
    if (event.from === 0) element.classList.add('from-server'); // the operator, through the publish API
    return element;
  }

  function said(event) {
    // No seq: said on a server cut off from the others (scale-out), for its clients only. Shown, not counted.
    if (typeof event.seq === 'number') {
      if (event.seq <= lastSeq) return; // already shown: never twice
      lastSeq = event.seq;
    }
    place(saidLine(event));
  }

  function isShown(seq) {
    return log.querySelector('.line[data-seq="' + Number(seq) + '"]') !== null;
  }

  // The room's recent messages, asked for after the first welcome. Those said before that welcome go before
  // its line; any said since are news like any other (a live copy may still be on its way: it is then dropped).
  function showHistory(messages) {
    messages.forEach(function (message) {
      if (typeof message.seq !== 'number' || message.seq > welcomeSeq) {
        said(message);
      } else if (!isShown(message.seq)) {
        place(saidLine(message), firstJoinLine);
      }
    });
  }

  function send(command) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(command));
  }

  function welcomed(event, since) {
    myId = event.id;
    myName = typeof event.name === 'string' ? event.name : client(event.id);
    memberIds = event.members.slice();
    names = {};
    if (event.names && typeof event.names === 'object') {
      Object.keys(event.names).forEach(function (id) { names[id] = String(event.names[id]); });
    }
    names[myId] = myName;
    welcomeSeq = event.seq;
    if (since === null) {
      lastSeq = event.seq; // only what comes after joining is news
    } else if (since > event.seq) {
      lastSeq = 0; // the server restarted and counts from 1 again: all it kept is news
      myIds = []; // and gives out its ids afresh
    }
    myIds.push(myId);
    showPresence();
    var joinLine = show('You joined as ' + myName, 'joined');
    if (!historyAsked && since === null) {
      historyAsked = true;
      firstJoinLine = joinLine;
      send({ type: 'history' });
    }
  }

  function joined(event) {
    names[event.id] = typeof event.name === 'string' ? event.name : client(event.id);
    if (memberIds.indexOf(event.id) < 0) memberIds.push(event.id);
    showPresence();
    show(nameOf(event.id) + ' joined', 'joined');
  }

  function left(event) {
    var name = typeof event.name === 'string' ? event.name : nameOf(event.id);
    memberIds = memberIds.filter(function (id) { return id !== event.id; });
    delete names[event.id];
    showPresence();
    show(name + ' left', 'left');
  }

  function gap(event) {
    // The replay after it moves lastSeq on. The missed ones are not always the oldest (a server of several
    // may lack some in between), so lastSeq jumps only if nothing follows: all of them were missed.
    if (lastSeq + event.missed >= welcomeSeq) lastSeq = welcomeSeq;
    show('Missed ' + plural(event.missed, 'message', 'messages') + ' that could not be recovered', 'notice');
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
        welcomed(event, since);
        break;
      case 'joined':
        joined(event);
        break;
      case 'left':
        left(event);
        break;
      case 'said':
        said(event);
        break;
      case 'history':
        if (Array.isArray(event.messages)) showHistory(event.messages);
        break;
      case 'notice':
        show(event.text, 'server');
        break;
      case 'gap':
        gap(event);
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

  // ?name= (the display name, if one was chosen) and ?since= (what a reconnect asks for, if anything).
  function query(since) {
    var parameters = [];
    if (displayName) parameters.push('name=' + encodeURIComponent(displayName));
    if (since !== null) parameters.push('since=' + since);
    return parameters.length ? '?' + parameters.join('&') : '';
  }

  // Browsers fail a handshake that offered a subprotocol the server did not choose, so an attempt offering
  // chorus.v1 that fails is followed at once by one offering nothing (`plain`): a server that speaks only the
  // tutorial's text gets in that way. Once chorus.v1 has worked, the server is known to speak it.
  function connect(plain) {
    var opened = false;
    var v1 = false;
    var offering = offerV1 && !plain;
    var since = offering ? lastSeq : null;
    var url = socketUrl(window.location) + query(since);
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
    forgetPresence();
  }

  function forgetPresence() {
    myId = null;
    myName = null;
    memberIds = [];
    names = {};
    showPresence();
  }

  // A new name takes a new connection (the server names a client at its handshake): the page leaves quietly and
  // comes straight back, asking with ?since= for anything said in between.
  function rejoin() {
    stopWaiting();
    if (socket) {
      var old = socket;
      socket = null;
      old.onclose = null;
      old.onmessage = null;
      old.close(1000, 'changing name');
    }
    wasOpen = false; // not a reconnect the reader needs told about
    forgetPresence();
    connect();
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

  // The room's name in the bar (and the tab's title, for a named room).
  function showRoom() {
    roomLabel.textContent = room === ROOT_ROOM ? 'Main room (/)' : 'Room: ' + room;
    if (room !== ROOT_ROOM) document.title = room + ' · Chorus';
  }

  // Why the server would refuse `name` (NFC, trimmed), or null: the same rules, so a name it refuses is rare.
  function nameProblem(name) {
    var length = Array.from(name).length;
    if (length === 0) return 'Type a name, or choose Not now.';
    if (length > NAME_MAX) return 'At most ' + NAME_MAX + ' characters, please.';
    if (NAME_CHARS && !NAME_CHARS.test(name)) return "Only letters, digits, spaces and - _ . ' please.";
    if (name.indexOf('  ') >= 0) return 'No two spaces in a row, please.';
    if (name.toLowerCase() === 'server') return 'That name is the server\'s own: choose another.';
    return null;
  }

  function showNameError(text) {
    nameError.textContent = text;
    nameInput.setAttribute('aria-invalid', 'true');
    nameInput.focus();
  }

  function clearNameError() {
    nameError.textContent = '';
    nameInput.removeAttribute('aria-invalid');
  }

  function askName() {
    nameInput.value = displayName;
    clearNameError();
    naming.hidden = false;
    rename.hidden = true;
  }

  // The question is answered (a name or "not now"), so it is not asked again; "Change name" asks on request.
  function closeNaming() {
    naming.hidden = true;
    rename.hidden = false;
    remember(ASKED_KEY, '1');
    input.focus();
  }

  naming.addEventListener('submit', function (event) {
    event.preventDefault();
    var typed = nameInput.value;
    var name = (typed.normalize ? typed.normalize('NFC') : typed).trim();
    var problem = nameProblem(name);
    if (problem) {
      showNameError(problem);
      return;
    }
    clearNameError();
    remember(NAME_KEY, name);
    closeNaming();
    if (name !== displayName) {
      displayName = name;
      rejoin();
    }
  });

  skipName.addEventListener('click', closeNaming);

  naming.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') closeNaming();
  });

  rename.addEventListener('click', function () {
    askName();
    nameInput.focus();
  });

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

  showRoom();
  if (!displayName && !remembered(ASKED_KEY)) askName();
  connect();
}());
