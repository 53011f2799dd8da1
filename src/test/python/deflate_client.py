"""A Python `websockets` client, which offers permessage-deflate by default, against a Chorus launcher.

Used by PythonDeflateIT: connects to argv[1], prints the extensions the server accepted, says argv[2] and prints
the line it hears back, sends 2048 bytes and says whether the same bytes came back, then closes.
"""
import asyncio
import sys

import websockets


async def main(uri, text):
    async with websockets.connect(uri, open_timeout=10, close_timeout=5) as ws:
        print("extensions: " + ws.response_headers.get("Sec-WebSocket-Extensions", ""), flush=True)
        await ws.send(text)
        while True:
            line = await asyncio.wait_for(ws.recv(), 10)
            if isinstance(line, str) and line.endswith(" said: " + text):
                print("text: " + line, flush=True)
                break
        data = bytes(range(256)) * 8
        await ws.send(data)
        while True:
            echoed = await asyncio.wait_for(ws.recv(), 10)
            if isinstance(echoed, bytes):
                print("binary: " + ("same" if echoed == data else "different"), flush=True)
                break


asyncio.run(main(sys.argv[1], sys.argv[2]))
