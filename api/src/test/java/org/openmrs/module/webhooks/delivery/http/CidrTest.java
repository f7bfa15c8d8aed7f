package org.openmrs.module.webhooks.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CidrTest {

	@ParameterizedTest
	@CsvSource({ "10.0.0.0/8, 10.255.1.2, true", "10.0.0.0/8, 11.0.0.0, false", "172.16.0.0/12, 172.31.255.255, true",
	        "172.16.0.0/12, 172.32.0.0, false", "127.0.0.1, 127.0.0.1, true", "127.0.0.1, 127.0.0.2, false",
	        "0.0.0.0/0, 203.0.113.9, true", "fd00::/8, fdab::1, true", "fd00::/8, fe00::1, false",
	        "::/0, 2001:db8::1, true", "::1, ::1, true", "2001:db8::/32, 2001:db9::, false" })
	void contains_shouldMatchByPrefix(String cidr, String address, boolean expected) {
		// given
		Cidr parsed = Cidr.parse(cidr);

		// when
		boolean contained = parsed.contains(Cidr.parseAddress(address));

		// then
		assertThat(contained).isEqualTo(expected);
	}

	@Test
	void contains_shouldNeverMatchTheOtherFamily() {
		assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.parseAddress("::1"))).isFalse();
		assertThat(Cidr.parse("::/0").contains(Cidr.parseAddress("127.0.0.1"))).isFalse();
	}

	@Test
	void parse_shouldNormaliseMappedIpv6ToIpv4() {
		// given an IPv4-mapped CIDR, which Java would connect to as plain IPv4
		Cidr mapped = Cidr.parse("::ffff:10.0.0.0/104");

		// then
		assertThat(mapped).isEqualTo(Cidr.parse("10.0.0.0/8"));
		assertThat(mapped.contains(Cidr.parseAddress("10.1.2.3"))).isTrue();
	}

	@Test
	void parse_shouldTrimAndPrintNormalisedForm() {
		assertThat(Cidr.parse("  192.168.0.0/16 ").toString()).isEqualTo("192.168.0.0/16");
		assertThat(Cidr.parse("127.0.0.1").toString()).isEqualTo("127.0.0.1/32");
		assertThat(Cidr.parse("::1").toString()).isEqualTo("0:0:0:0:0:0:0:1/128");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0/8", "10.0.0.256", "010.0.0.1",
	        "127.1", "example.org", "cafe", "10.0.0.0/8/8", "::1/129", "fe80::1%eth0", "zz::1", "1:2:3:4:5:6:7:8:9",
	        "10.0.0.1/8", "10.0.0.0/a" })
	void parse_shouldRejectAnythingButAStrictCidr(String text) {
		assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void parse_shouldSuggestTheNetwork_whenHostBitsAreSet() {
		assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8")).hasMessageContaining("did you mean 10.0.0.0/8?");
	}
}
