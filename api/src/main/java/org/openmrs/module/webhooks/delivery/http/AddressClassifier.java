package org.openmrs.module.webhooks.delivery.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Classifies raw IPv4 (4-byte) and IPv6 (16-byte) addresses, reading through every IPv6 form that embeds an
 * IPv4 address, so that {@code ::ffff:169.254.169.254}, {@code 64:ff9b::a9fe:a9fe} or {@code 2002:a9fe:a9fe::}
 * are what they route to. Stateless.
 */
final class AddressClassifier {

	private static final Cidr[] IPV4_METADATA = { Cidr.parse("169.254.169.254"), Cidr.parse("100.100.100.200") };

	private static final Cidr IPV6_METADATA = Cidr.parse("fd00:ec2::254");

	private static final Cidr[] IPV4_PRIVATE = { Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
	        Cidr.parse("192.168.0.0/16") };

	private AddressClassifier() {
	}

	/**
	 * @param address 4 or 16 bytes
	 * @return the worst reading of the address and of every IPv4 address it embeds
	 * @throws IllegalArgumentException for any other length (callers fail closed)
	 */
	static AddressKind classify(byte[] address) {
		if (address == null || (address.length != 4 && address.length != 16)) {
			throw new IllegalArgumentException("not an IPv4 or IPv6 address");
		}
		if (address.length == 4) {
			return classifyIpv4(address);
		}
		AddressKind kind = classifyIpv6(address);
		for (byte[] embedded : embeddedIpv4(address)) {
			kind = kind.worse(classifyIpv4(embedded));
		}
		return kind;
	}

	/**
	 * The IPv4 addresses an IPv6 address carries: IPv4-mapped {@code ::ffff:0:0/96}, IPv4-translated
	 * {@code ::ffff:0:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96} and
	 * {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16} and both ends of Teredo {@code 2001::/32}. Empty for an
	 * IPv4 address or an IPv6 address that embeds none.
	 */
	static List<byte[]> embeddedIpv4(byte[] address) {
		if (address.length != 16) {
			return Collections.emptyList();
		}
		List<byte[]> found = new ArrayList<byte[]>(2);
		if (zeros(address, 0, 10) && (address[10] & address[11] & 0xFF) == 0xFF) {
			found.add(slice(address, 12, 16));
		}
		else if (zeros(address, 0, 8) && (address[8] & address[9] & 0xFF) == 0xFF && zeros(address, 10, 12)) {
			found.add(slice(address, 12, 16));
		}
		else if (zeros(address, 0, 12) && !isUnspecifiedOrLoopbackIpv6(address)) {
			found.add(slice(address, 12, 16));
		}
		else if (startsWith(address, 0x00, 0x64, 0xff, 0x9b) && zeros(address, 4, 12)) {
			found.add(slice(address, 12, 16));
		}
		else if (startsWith(address, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
			// RFC 6052 /48 layout: the IPv4 address straddles the reserved "u" octet (byte 8).
			found.add(new byte[] { address[6], address[7], address[9], address[10] });
		}
		else if (startsWith(address, 0x20, 0x02)) {
			found.add(slice(address, 2, 6));
		}
		else if (startsWith(address, 0x20, 0x01, 0x00, 0x00)) {
			found.add(slice(address, 4, 8));
			byte[] client = slice(address, 12, 16);
			for (int i = 0; i < 4; i++) {
				client[i] = (byte) ~client[i];
			}
			found.add(client);
		}
		return found;
	}

	private static AddressKind classifyIpv4(byte[] a) {
		int first = a[0] & 0xFF;
		int second = a[1] & 0xFF;
		for (Cidr metadata : IPV4_METADATA) {
			if (metadata.contains(a)) {
				return AddressKind.METADATA;
			}
		}
		if (first == 169 && second == 254) {
			return AddressKind.LINK_LOCAL;
		}
		if (first == 0) {
			return AddressKind.UNSPECIFIED;
		}
		if (first >= 224 && first <= 239) {
			return AddressKind.MULTICAST;
		}
		if ((a[0] & a[1] & a[2] & a[3] & 0xFF) == 0xFF) {
			return AddressKind.BROADCAST;
		}
		if (first == 127) {
			return AddressKind.LOOPBACK;
		}
		for (Cidr range : IPV4_PRIVATE) {
			if (range.contains(a)) {
				return AddressKind.PRIVATE;
			}
		}
		return AddressKind.PUBLIC;
	}

	private static AddressKind classifyIpv6(byte[] a) {
		if (IPV6_METADATA.contains(a)) {
			return AddressKind.METADATA;
		}
		if (zeros(a, 0, 16)) {
			return AddressKind.UNSPECIFIED;
		}
		if (zeros(a, 0, 15) && a[15] == 1) {
			return AddressKind.LOOPBACK;
		}
		if ((a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0x80) {
			return AddressKind.LINK_LOCAL;
		}
		if ((a[0] & 0xFF) == 0xFF) {
			return AddressKind.MULTICAST;
		}
		if ((a[0] & 0xFE) == 0xFC) {
			return AddressKind.PRIVATE;
		}
		return AddressKind.PUBLIC;
	}

	private static boolean isUnspecifiedOrLoopbackIpv6(byte[] a) {
		return zeros(a, 0, 15) && (a[15] == 0 || a[15] == 1);
	}

	private static boolean zeros(byte[] a, int from, int to) {
		for (int i = from; i < to; i++) {
			if (a[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] a, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if ((a[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] slice(byte[] a, int from, int to) {
		return Arrays.copyOfRange(a, from, to);
	}
}
