// The benchmark's Node contender: the tutorial's chat on the `ws` package, done the plain way (a broadcast is a
// loop of send() over every open client, no bounds), with exactly the lines Chorus sends. The benchmark starts it
// as `node --expose-gc ws-chat.js` and reads its port from the line "ws baseline listening on ws://...".
// SIGUSR2 makes it collect garbage and print "heap used N NK" (V8's heap after a full GC, N counting requests),
// the Node counterpart of the JVM's `jcmd PID GC.run` + `GC.heap_info`.
'use strict';
const { WebSocketServer } = require('ws');

const GREETING = 'Hey all, a new client has joined us';
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
let lastId = 0;
let heapRequests = 0;

function broadcast(line) {
  for (const client of server.clients) {
    client.send(line);
  }
}

server.on('connection', (socket) => {
  const id = ++lastId;
  socket.on('message', (data, isBinary) => {
    if (!isBinary) {
      broadcast(`Client(${id}) said: ${data.toString('utf8')}`);
    }
  });
  socket.on('error', () => {});
  broadcast(GREETING);
});

server.on('listening', () => {
  console.log(`ws baseline listening on ws://127.0.0.1:${server.address().port}/`);
});

process.on('SIGUSR2', () => {
  heapRequests++;
  if (global.gc) {
    global.gc();
  }
  console.log(`heap used ${heapRequests} ${Math.round(process.memoryUsage().heapUsed / 1024)}K`);
});

process.on('SIGTERM', () => {
  for (const client of server.clients) {
    client.terminate();
  }
  server.close(() => process.exit(0));
});
