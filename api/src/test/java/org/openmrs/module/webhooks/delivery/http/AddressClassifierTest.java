package org.openmrs.module.webhooks.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

	@ParameterizedTest
	@CsvSource({
	        // IPv4
	        "169.254.169.254, METADATA", "100.100.100.200, METADATA", "169.254.0.1, LINK_LOCAL", "0.0.0.0, UNSPECIFIED",
	        "0.1.2.3, UNSPECIFIED", "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "255.255.255.255, BROADCAST",
	        "127.0.0.1, LOOPBACK", "127.9.9.9, LOOPBACK", "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE",
	        "192.168.1.1, PRIVATE", "100.100.100.201, PUBLIC", "8.8.8.8, PUBLIC", "172.32.0.1, PUBLIC",
	        // IPv6 proper
	        "::, UNSPECIFIED", "::1, LOOPBACK", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL", "ff02::1, MULTICAST",
	        "fd00:ec2::254, METADATA", "fd12:3456::1, PRIVATE", "fc00::1, PRIVATE", "2001:db8::1, PUBLIC",
	        // IPv4 embedded in IPv6
	        "::ffff:169.254.169.254, METADATA", "::ffff:127.0.0.1, LOOPBACK", "::ffff:0:169.254.169.254, METADATA",
	        "::169.254.169.254, METADATA", "::127.0.0.1, LOOPBACK", "64:ff9b::169.254.169.254, METADATA",
	        "64:ff9b::7f00:1, LOOPBACK", "64:ff9b::8.8.8.8, PUBLIC", "64:ff9b:1:a9fe:a9:fe00::, METADATA",
	        "2002:a9fe:a9fe::1, METADATA", "2002:7f00:1::, LOOPBACK", "2002:808:808::1, PUBLIC",
	        "2001:0:808:808:0:0:5601:5601, METADATA", "2001:0:a9fe:a9fe::1, METADATA" })
	void classify_shouldReadEveryEncoding(String address, AddressKind expected) {
		// when
		AddressKind kind = AddressClassifier.classify(ipv6Bytes(address));

		// then
		assertThat(kind).isEqualTo(expected);
	}

	@Test
	void classify_shouldFailClosed_onAnAddressOfTheWrongLength() {
		assertThatThrownBy(() -> AddressClassifier.classify(new byte[5])).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> AddressClassifier.classify(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void embeddedIpv4_shouldBeEmpty_forPlainAddresses() {
		assertThat(AddressClassifier.embeddedIpv4(Cidr.parseAddress("2001:db8::1"))).isEmpty();
		assertThat(AddressClassifier.embeddedIpv4(Cidr.parseAddress("::1"))).isEmpty();
		assertThat(AddressClassifier.embeddedIpv4(Cidr.parseAddress("10.0.0.1"))).isEmpty();
	}

	/** Mapped literals must stay 16 bytes here: the classifier is also handed raw IPv6 addresses. */
	private static byte[] ipv6Bytes(String address) {
		return Cidr.parseAddress(address);
	}
}
