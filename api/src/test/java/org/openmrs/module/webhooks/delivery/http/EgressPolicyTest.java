package org.openmrs.module.webhooks.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class EgressPolicyTest {

	@Test
	void refusalReason_shouldAllowPublicAndPrivate_byDefault() throws Exception {
		// given
		EgressPolicy policy = EgressPolicy.DEFAULT;

		// then
		assertThat(policy.refusalReason(address("203.0.113.10"))).isNull();
		assertThat(policy.refusalReason(address("10.1.2.3"))).isNull();
		assertThat(policy.refusalReason(address("192.168.0.5"))).isNull();
		assertThat(policy.refusalReason(address("fd12::1"))).isNull();
	}

	@Test
	void refusalReason_shouldRefuseLoopback_unlessAllowed() throws Exception {
		// given
		EgressPolicy strict = EgressPolicy.DEFAULT;
		EgressPolicy allowing = EgressPolicy.parse(false, "127.0.0.1/32, ::1", null);

		// then
		assertThat(strict.refusalReason(address("127.0.0.1")))
		        .isEqualTo("egress refused: 127.0.0.1 is loopback; allow it in webhooks.egress.allowedCidrs");
		assertThat(strict.refusalReason(address("::1"))).contains("is loopback");
		assertThat(allowing.refusalReason(address("127.0.0.1"))).isNull();
		assertThat(allowing.refusalReason(address("::1"))).isNull();
		assertThat(allowing.refusalReason(address("127.0.0.2"))).contains("is loopback");
	}

	@Test
	void refusalReason_shouldRefuseTheAlwaysRefusedSet_evenWhenAllowed() throws Exception {
		// given an operator allowing everything
		EgressPolicy policy = EgressPolicy.parse(true, "0.0.0.0/0, ::/0, 169.254.169.254", "");

		// then
		assertThat(policy.refusalReason(address("169.254.169.254")))
		        .isEqualTo("egress refused: 169.254.169.254 is a cloud metadata address");
		assertThat(policy.refusalReason(address("169.254.10.1"))).isEqualTo("egress refused: 169.254.10.1 is link-local");
		assertThat(policy.refusalReason(address("fe80::1"))).contains("is link-local");
		assertThat(policy.refusalReason(address("fd00:ec2::254"))).contains("cloud metadata");
		assertThat(policy.refusalReason(address("100.100.100.200"))).contains("cloud metadata");
		assertThat(policy.refusalReason(address("0.0.0.0"))).contains("unspecified");
		assertThat(policy.refusalReason(address("::"))).contains("unspecified");
		assertThat(policy.refusalReason(address("224.0.0.251"))).contains("multicast");
		assertThat(policy.refusalReason(address("64:ff9b::a9fe:a9fe"))).contains("cloud metadata");
		assertThat(policy.refusalReason(address("2002:a9fe:a9fe::"))).contains("cloud metadata");
	}

	@Test
	void refusalReason_shouldRefuseDeniedCidrs_overAllowedOnes() throws Exception {
		// given
		EgressPolicy policy = EgressPolicy.parse(false, "10.1.2.3", "10.0.0.0/8");

		// then
		assertThat(policy.refusalReason(address("10.1.2.3")))
		        .isEqualTo("egress refused: 10.1.2.3 is inside denied CIDR 10.0.0.0/8 (webhooks.egress.deniedCidrs)");
		assertThat(policy.refusalReason(address("192.168.0.1"))).isNull();
	}

	@Test
	void refusalReason_shouldApplyIpv4DenyRules_toEmbeddingIpv6Addresses() throws Exception {
		// given
		EgressPolicy policy = EgressPolicy.parse(false, "", "10.0.0.0/8");

		// then
		assertThat(policy.refusalReason(address("64:ff9b::a00:1"))).contains("denied CIDR 10.0.0.0/8");
		assertThat(policy.refusalReason(address("2002:a00:1::1"))).contains("denied CIDR 10.0.0.0/8");
	}

	@Test
	void refusalReason_shouldFailClosed_whenAddressIsMissing() {
		assertThat(EgressPolicy.DEFAULT.refusalReason(null)).isEqualTo("egress refused: the address could not be read");
	}

	@Test
	void schemeRefusal_shouldRefusePlainHttp_unlessAllowed() {
		assertThat(EgressPolicy.DEFAULT.schemeRefusal("http")).contains("webhooks.egress.allowHttp");
		assertThat(EgressPolicy.DEFAULT.schemeRefusal("https")).isNull();
		assertThat(EgressPolicy.parse(true, null, null).schemeRefusal("http")).isNull();
	}

	@Test
	void parse_shouldNameTheListAndTheEntry_whenAnEntryIsBad() {
		assertThatThrownBy(() -> EgressPolicy.parse(false, "127.0.0.1/32, 10.0.0.300/8", ""))
		        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
		            "webhooks.egress.allowedCidrs: '10.0.0.300/8' is not a valid CIDR (");
		assertThatThrownBy(() -> EgressPolicy.parse(false, "", "fd00::/8,intranet.local"))
		        .isInstanceOf(IllegalArgumentException.class)
		        .hasMessageStartingWith("webhooks.egress.deniedCidrs: 'intranet.local' is not a valid CIDR (");
	}

	@Test
	void parse_shouldIgnoreBlanksAndExposeNormalisedLists() {
		// when
		EgressPolicy policy = EgressPolicy.parse(true, " 127.0.0.1 ,, ", "\t");

		// then
		assertThat(policy.isAllowHttp()).isTrue();
		assertThat(policy.getAllowedCidrs()).containsExactly("127.0.0.1/32");
		assertThat(policy.getDeniedCidrs()).isEmpty();
	}

	@Test
	void equals_shouldCompareRulesNotText() {
		assertThat(EgressPolicy.parse(true, "127.0.0.1", "")).isEqualTo(EgressPolicy.parse(true, " 127.0.0.1/32 ", null));
		assertThat(EgressPolicy.parse(true, "127.0.0.1", "")).isNotEqualTo(EgressPolicy.parse(false, "127.0.0.1", ""));
		assertThat(EgressPolicy.parse(false, null, null)).isEqualTo(EgressPolicy.DEFAULT);
	}

	private static InetAddress address(String literal) throws Exception {
		return InetAddress.getByAddress(Cidr.parseAddress(literal));
	}
}
