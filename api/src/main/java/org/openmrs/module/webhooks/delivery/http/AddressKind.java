package org.openmrs.module.webhooks.delivery.http;

/**
 * What an IP address is, from the egress guard's point of view; declared from most to least dangerous so
 * that an address with several readings (an IPv6 address embedding an IPv4 one) takes the worst.
 */
enum AddressKind {

	METADATA("a cloud metadata address", true),

	LINK_LOCAL("link-local", true),

	UNSPECIFIED("an unspecified address", true),

	MULTICAST("multicast", true),

	BROADCAST("the broadcast address", true),

	/** Refused unless an operator-allowed CIDR covers it. */
	LOOPBACK("loopback", false),

	/** RFC 1918 and unique-local fc00::/7: allowed by default, because self-hosted receivers live on the LAN. */
	PRIVATE("private", false),

	PUBLIC("public", false);

	private final String description;

	private final boolean alwaysRefused;

	AddressKind(String description, boolean alwaysRefused) {
		this.description = description;
		this.alwaysRefused = alwaysRefused;
	}

	/** Reads after "is": "169.254.169.254 is a cloud metadata address". */
	String description() {
		return description;
	}

	/** Refused whatever the operator allows. */
	boolean isAlwaysRefused() {
		return alwaysRefused;
	}

	AddressKind worse(AddressKind other) {
		return other.ordinal() < ordinal() ? other : this;
	}
}
