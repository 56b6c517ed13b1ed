package org.safepassage.system.mail.sending;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * MIME written by hand: an unsynchronised byte buffer (ByteArrayOutputStream locks on
 * every byte written) with the two encodings alert mails need, ASCII header lines and
 * quoted-printable UTF-8 text.
 */
final class MimeBytes {

	static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private byte[] buffer;

	private int length;

	MimeBytes(int capacity) {
		buffer = new byte[Math.max(capacity, 64)];
	}

	void ensure(int more) {
		if (length + more > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
		}
	}

	void write(int b) {
		if (length == buffer.length) {
			buffer = Arrays.copyOf(buffer, buffer.length * 2);
		}
		buffer[length++] = (byte) b;
	}

	void writeBytes(byte[] bytes) {
		if (length + bytes.length > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes.length));
		}
		System.arraycopy(bytes, 0, buffer, length, bytes.length);
		length += bytes.length;
	}

	void crlf() {
		writeBytes(CRLF);
	}

	/** A quoted-printable soft line break, which decoding removes. */
	void softBreak() {
		write('=');
		writeBytes(CRLF);
	}

	void ascii(String text) {
		writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}

	void header(String name, String value) {
		ascii(name);
		write(':');
		write(' ');
		ascii(value);
		writeBytes(CRLF);
	}

	/**
	 * RFC 2045 quoted-printable of UTF-8 text; line breaks become CRLF, lines are at most
	 * 76 characters.
	 */
	void quotedPrintable(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ensure(bytes.length * 3 + bytes.length / 25 * 3 + 16);
		int column = 0;
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xff;
			if (b == '\r') {
				continue;
			}
			if (b == '\n') {
				writeBytes(CRLF);
				column = 0;
				continue;
			}
			boolean endOfLine = i + 1 == bytes.length || bytes[i + 1] == '\n' || bytes[i + 1] == '\r';
			boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !endOfLine);
			int width = literal ? 1 : 3;
			if (column + width > 75) {
				softBreak();
				column = 0;
			}
			if (literal) {
				write(b);
			}
			else {
				write('=');
				write(HEX[b >> 4]);
				write(HEX[b & 0xf]);
			}
			column += width;
		}
	}

	byte[] toByteArray() {
		return Arrays.copyOf(buffer, length);
	}

	@Override
	public String toString() {
		return new String(buffer, 0, length, StandardCharsets.US_ASCII);
	}

}
