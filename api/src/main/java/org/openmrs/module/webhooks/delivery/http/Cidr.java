package org.openmrs.module.webhooks.delivery.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address is a
 * single host). Immutable.
 * <p>
 * Parsing never touches DNS and is strict, because these come from operators and a lenient reading could
 * silently widen an allow-list: dotted quads only (no {@code 127.1}, no leading zeros), no zone ids, and no
 * host bits beyond the prefix ({@code 10.0.0.1/8} is rejected rather than read as {@code 10.0.0.0/8}).
 */
final class Cidr {

	private final byte[] network;

	private final int prefixLength;

	private Cidr(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * @throws IllegalArgumentException naming what is wrong with {@code text}
	 */
	static Cidr parse(String text) {
		String trimmed = text == null ? "" : text.trim();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException("empty CIDR");
		}
		int slash = trimmed.indexOf('/');
		String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
		byte[] address = parseAddress(addressText);
		int prefix = slash < 0 ? address.length * 8 : parsePrefix(trimmed.substring(slash + 1), address.length * 8);
		if (address.length == 16 && prefix >= 96 && isIpv4Mapped(address)) {
			// Java connects to ::ffff:a.b.c.d as the plain IPv4 address, so the rule must be an IPv4 rule to match.
			address = Arrays.copyOfRange(address, 12, 16);
			prefix -= 96;
		}
		if (!Arrays.equals(address, mask(address, prefix))) {
			throw new IllegalArgumentException("host bits set beyond /" + prefix + " (did you mean "
			        + format(mask(address, prefix)) + "/" + prefix + "?)");
		}
		return new Cidr(address, prefix);
	}

	/** Whether {@code address} (4 or 16 bytes) lies inside; an address of the other family never does. */
	boolean contains(byte[] address) {
		if (address == null || address.length != network.length) {
			return false;
		}
		return Arrays.equals(network, mask(address, prefixLength));
	}

	boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	/** Parses an IP literal without DNS; 4 bytes for IPv4, 16 for IPv6. */
	static byte[] parseAddress(String text) {
		if (text.indexOf(':') >= 0) {
			return parseIpv6(text);
		}
		return parseIpv4(text);
	}

	private static byte[] parseIpv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (a.b.c.d) or an IPv6 address");
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			String part = parts[i];
			if (part.isEmpty() || part.length() > 3 || !isDigits(part) || (part.length() > 1 && part.charAt(0) == '0')) {
				throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: bad octet '" + part + "'");
			}
			int value = Integer.parseInt(part);
			if (value > 255) {
				throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: octet " + value + " is above 255");
			}
			bytes[i] = (byte) value;
		}
		return bytes;
	}

	private static byte[] parseIpv6(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
				throw new IllegalArgumentException("'" + text + "' is not an IPv6 address: unexpected '" + c + "'");
			}
		}
		try {
			// The brackets make the JDK treat it strictly as an IPv6 literal: an invalid one fails, never a DNS lookup.
			InetAddress parsed = InetAddress.getByName("[" + text + "]");
			byte[] bytes = parsed.getAddress();
			return parsed instanceof Inet4Address ? ipv4Mapped(bytes) : bytes;
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
		}
	}

	private static int parsePrefix(String text, int maxBits) {
		if (text.isEmpty() || text.length() > 3 || !isDigits(text)) {
			throw new IllegalArgumentException("prefix length '" + text + "' is not a number from 0 to " + maxBits);
		}
		int prefix = Integer.parseInt(text);
		if (prefix > maxBits) {
			throw new IllegalArgumentException("prefix length /" + prefix + " is above /" + maxBits);
		}
		return prefix;
	}

	private static boolean isDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static byte[] mask(byte[] address, int prefix) {
		byte[] masked = new byte[address.length];
		for (int i = 0; i < address.length; i++) {
			int bitsInByte = Math.max(0, Math.min(8, prefix - i * 8));
			masked[i] = (byte) (address[i] & (0xFF << (8 - bitsInByte)));
		}
		return masked;
	}

	private static boolean isIpv4Mapped(byte[] address) {
		for (int i = 0; i < 10; i++) {
			if (address[i] != 0) {
				return false;
			}
		}
		return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
	}

	private static byte[] ipv4Mapped(byte[] ipv4) {
		byte[] bytes = new byte[16];
		bytes[10] = (byte) 0xFF;
		bytes[11] = (byte) 0xFF;
		System.arraycopy(ipv4, 0, bytes, 12, 4);
		return bytes;
	}

	static String format(byte[] address) {
		try {
			return InetAddress.getByAddress(address).getHostAddress();
		}
		catch (UnknownHostException e) {
			return "(" + address.length + "-byte address)";
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Cidr && prefixLength == ((Cidr) other).prefixLength
		        && Arrays.equals(network, ((Cidr) other).network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(network) + prefixLength;
	}

	/** The normalised form, e.g. {@code 10.0.0.0/8} or {@code fd00:0:0:0:0:0:0:0/8}. */
	@Override
	public String toString() {
		return format(network) + "/" + prefixLength;
	}
}
