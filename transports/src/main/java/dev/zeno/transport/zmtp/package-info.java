/**
 * The ZMTP 3.1 wire codec (accepting ZMTP 3.0 peers), as pure code with no I/O: an engine
 * owns the channel and the buffers and drives these classes.
 *
 * <ul>
 *   <li>{@link dev.zeno.transport.zmtp.Greeting}: the 64-byte greeting, ours and the peer's,
 *       with an early check of the signature and version.</li>
 *   <li>{@link dev.zeno.transport.zmtp.ZmtpCommand} and
 *       {@link dev.zeno.transport.zmtp.ZmtpMetadata}: READY (with its properties), ERROR,
 *       SUBSCRIBE, CANCEL, PING, PONG, and unknown commands.</li>
 *   <li>{@link dev.zeno.transport.zmtp.ZmtpDecoder}: bytes to whole multipart
 *       {@link dev.zeno.transport.Msg}s and commands, incrementally, with the maximum message
 *       size enforced from frame headers.</li>
 *   <li>{@link dev.zeno.transport.zmtp.ZmtpEncoder}: messages and commands to bytes in
 *       caller-supplied buffers, resumable across buffers, with a direct-write path for large
 *       frames.</li>
 *   <li>{@link dev.zeno.transport.zmtp.ZmtpSubscriptions}: the internal 0x01/0x00 subscription
 *       messages versus SUBSCRIBE/CANCEL commands (3.1) or prefixed messages (3.0).</li>
 *   <li>{@link dev.zeno.transport.zmtp.SocketTypeRules}: which socket types may talk to which,
 *       and which announce an Identity.</li>
 * </ul>
 *
 * <p>Every protocol violation is reported as a {@link dev.zeno.transport.zmtp.ZmtpProtocolException}
 * (an {@link java.io.IOException}), so an engine closes just that connection.
 */
package dev.zeno.transport.zmtp;
