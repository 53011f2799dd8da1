/**
 * permessage-deflate (RFC 7692) in plain Java, for the launcher: which of a client's offers Chorus can accept
 * ({@link dev.chorus.deflate.DeflateOffer}), a broadcast compressed once for every client that negotiated it
 * ({@link dev.chorus.deflate.MessageDeflater}), and a client's compressed messages inflated within the message
 * size limit, never past it ({@link dev.chorus.deflate.BoundedInflater}). Chorus always compresses without
 * context takeover, so one compressed form of a message is right for every such client.
 */
package dev.chorus.deflate;
