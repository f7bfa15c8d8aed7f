package org.openmrs.module.webhooks.delivery.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.webhooks.WebhooksConstants;

/**
 * Where notifications may go: the operator's egress rules as one immutable value, read from the global
 * properties {@code webhooks.egress.allowHttp}, {@code webhooks.egress.allowedCidrs} and
 * {@code webhooks.egress.deniedCidrs}.
 * <p>
 * The transport applies it to the address each connection is actually made to, after DNS resolution, so a
 * host name that later resolves elsewhere (DNS rebinding) gains nothing. The rules, first match wins:
 * <ol>
 * <li>link-local (169.254.0.0/16, fe80::/10), cloud metadata (169.254.169.254, fd00:ec2::254,
 * 100.100.100.200), unspecified (0.0.0.0/8, ::), multicast and broadcast are always refused, in every IPv6
 * encoding of the IPv4 address;</li>
 * <li>an address inside a denied CIDR is refused, even when an allowed CIDR also covers it;</li>
 * <li>loopback (127.0.0.0/8, ::1) is refused unless an allowed CIDR covers it;</li>
 * <li>everything else, private ranges included, is allowed.</li>
 * </ol>
 * Plain {@code http://} URLs are refused unless {@link #isAllowHttp()}.
 */
public final class EgressPolicy {

	/** No plain HTTP, no allowed or denied CIDRs. */
	public static final EgressPolicy DEFAULT = new EgressPolicy(false, Collections.<Cidr> emptyList(),
	        Collections.<Cidr> emptyList());

	private final boolean allowHttp;

	private final List<Cidr> allowed;

	private final List<Cidr> denied;

	private EgressPolicy(boolean allowHttp, List<Cidr> allowed, List<Cidr> denied) {
		this.allowHttp = allowHttp;
		this.allowed = allowed;
		this.denied = denied;
	}

	/**
	 * Builds a policy from the global property values.
	 *
	 * @param allowedCidrs comma-separated IPv4/IPv6 CIDRs or addresses; {@code null} or blank for none
	 * @param deniedCidrs the same
	 * @throws IllegalArgumentException naming the global property and the bad entry
	 */
	public static EgressPolicy parse(boolean allowHttp, String allowedCidrs, String deniedCidrs) {
		return new EgressPolicy(allowHttp, parseList(WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS, allowedCidrs),
		        parseList(WebhooksConstants.GP_EGRESS_DENIED_CIDRS, deniedCidrs));
	}

	private static List<Cidr> parseList(String property, String text) {
		List<Cidr> cidrs = new ArrayList<Cidr>();
		if (text == null) {
			return Collections.unmodifiableList(cidrs);
		}
		for (String entry : text.split(",")) {
			if (entry.trim().isEmpty()) {
				continue;
			}
			try {
				cidrs.add(Cidr.parse(entry));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(
				        property + ": '" + entry.trim() + "' is not a valid CIDR (" + e.getMessage() + ")", e);
			}
		}
		return Collections.unmodifiableList(cidrs);
	}

	/** Whether plain {@code http://} URLs may be used. */
	public boolean isAllowHttp() {
		return allowHttp;
	}

	/** The allowed CIDRs in normalised form, e.g. {@code 127.0.0.1/32}; unmodifiable. */
	public List<String> getAllowedCidrs() {
		return asText(allowed);
	}

	/** The denied CIDRs in normalised form; unmodifiable. */
	public List<String> getDeniedCidrs() {
		return asText(denied);
	}

	/**
	 * Why a connection to {@code address} is refused, or {@code null} when it is allowed. Fails closed: an
	 * address it cannot read is refused.
	 */
	String refusalReason(InetAddress address) {
		byte[] bytes = address == null ? null : address.getAddress();
		if (bytes == null || (bytes.length != 4 && bytes.length != 16)) {
			return "egress refused: the address could not be read";
		}
		String shown = address.getHostAddress();
		AddressKind kind = AddressClassifier.classify(bytes);
		if (kind.isAlwaysRefused()) {
			return "egress refused: " + shown + " is " + kind.description();
		}
		List<byte[]> readings = new ArrayList<byte[]>(AddressClassifier.embeddedIpv4(bytes));
		readings.add(0, bytes);
		Cidr deniedBy = firstMatch(denied, readings);
		if (deniedBy != null) {
			return "egress refused: " + shown + " is inside denied CIDR " + deniedBy + " ("
			        + WebhooksConstants.GP_EGRESS_DENIED_CIDRS + ")";
		}
		if (kind == AddressKind.LOOPBACK && firstMatch(allowed, readings) == null) {
			return "egress refused: " + shown + " is loopback; allow it in " + WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS;
		}
		return null;
	}

	/** Why a URL with this (lower-case) scheme is refused before any connection, or {@code null}. */
	String schemeRefusal(String scheme) {
		if ("http".equals(scheme) && !allowHttp) {
			return "egress refused: plain http:// is not allowed; use https:// or set "
			        + WebhooksConstants.GP_EGRESS_ALLOW_HTTP + " to true";
		}
		return null;
	}

	private static Cidr firstMatch(List<Cidr> cidrs, List<byte[]> readings) {
		for (Cidr cidr : cidrs) {
			for (byte[] reading : readings) {
				if (cidr.contains(reading)) {
					return cidr;
				}
			}
		}
		return null;
	}

	private static List<String> asText(List<Cidr> cidrs) {
		List<String> text = new ArrayList<String>(cidrs.size());
		for (Cidr cidr : cidrs) {
			text.add(cidr.toString());
		}
		return Collections.unmodifiableList(text);
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof EgressPolicy)) {
			return false;
		}
		EgressPolicy that = (EgressPolicy) other;
		return allowHttp == that.allowHttp && allowed.equals(that.allowed) && denied.equals(that.denied);
	}

	@Override
	public int hashCode() {
		return (allowHttp ? 1 : 0) + 31 * allowed.hashCode() + 961 * denied.hashCode();
	}

	@Override
	public String toString() {
		return "EgressPolicy[allowHttp=" + allowHttp + ", allowed=" + allowed + ", denied=" + denied + "]";
	}
}
