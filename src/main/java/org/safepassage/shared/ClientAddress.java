package org.safepassage.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The signer's address as recorded for abuse limits; anything that is not an IP literal
 * is dropped.
 */
public final class ClientAddress {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private ClientAddress() {
	}

	public static String orNull(String address) {
		if (address == null) {
			return null;
		}
		if (IPV4.matcher(address).matches()) {
			return address;
		}
		if (address.indexOf(':') >= 0 && IPV6_CHARS.matcher(address).matches()) {
			try {
				// A literal containing ':' is parsed, never looked up in DNS.
				return InetAddress.getByName(address).getHostAddress();
			}
			catch (UnknownHostException e) {
				return null;
			}
		}
		return null;
	}

}
