package org.safepassage.petitions.fraud;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.safepassage.shared.ClientAddress;

/**
 * An IPv4 or IPv6 range in CIDR notation, or one address. Only literals are read, never
 * looked up in DNS; the range is kept as its network ({@code 198.51.100.7/24} is
 * {@code 198.51.100.0/24}).
 */
public record AddressRange(byte[] network, int bits) {

	/**
	 * The range {@code text} names, or {@code null} when it is not an address or a CIDR
	 * range.
	 */
	public static AddressRange parse(String text) {
		if (text == null || text.isBlank() || text.length() > 50) {
			return null;
		}
		String value = text.strip();
		int slash = value.indexOf('/');
		byte[] address = bytes(slash < 0 ? value : value.substring(0, slash));
		if (address == null) {
			return null;
		}
		int max = address.length * 8;
		int bits = max;
		if (slash >= 0) {
			String suffix = value.substring(slash + 1);
			if (!suffix.matches("\\d{1,3}") || Integer.parseInt(suffix) > max) {
				return null;
			}
			bits = Integer.parseInt(suffix);
		}
		for (int i = 0; i < address.length; i++) {
			int keep = Math.max(0, Math.min(8, bits - i * 8));
			address[i] &= (byte) (0xFF << (8 - keep));
		}
		return new AddressRange(address, bits);
	}

	/** The bytes of an IP literal, or null. */
	static byte[] bytes(String literal) {
		String address = ClientAddress.orNull(literal);
		if (address == null) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException e) {
			return null;
		}
	}

	public boolean contains(byte[] address) {
		if (address == null || address.length != network.length) {
			return false;
		}
		for (int i = 0; i < network.length; i++) {
			int keep = Math.max(0, Math.min(8, bits - i * 8));
			int mask = (0xFF << (8 - keep)) & 0xFF;
			if ((address[i] & mask) != (network[i] & 0xFF)) {
				return false;
			}
		}
		return true;
	}

	/** CIDR notation of the network, as PostgreSQL writes a {@code cidr}. */
	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/" + bits;
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

}
