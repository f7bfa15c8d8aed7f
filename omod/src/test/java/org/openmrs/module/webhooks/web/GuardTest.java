package org.openmrs.module.webhooks.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmrs.api.APIAuthenticationException;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;

class GuardTest {

	@Test
	void require_shouldLetAUserWithThePrivilegeThrough() {
		assertThatCode(() -> TestPrivileges.viewer().guard().require("Get Webhooks")).doesNotThrowAnyException();
	}

	@Test
	void require_shouldRefuseAUserLackingThePrivilege() {
		assertThatThrownBy(() -> TestPrivileges.viewer().guard().require("Manage Webhooks"))
		        .isInstanceOf(APIAuthenticationException.class).hasMessage("Privileges required: Manage Webhooks");
	}

	@Test
	void require_shouldRefuseAnonymousCallersEvenWhenTheAnonymousRoleHasThePrivilege() {
		Privileges anonymousWithPrivilege = new Privileges() {

			@Override
			public boolean isAuthenticated() {
				return false;
			}

			@Override
			public boolean hasPrivilege(String privilege) {
				return true;
			}
		};

		assertThatThrownBy(() -> new Guard(anonymousWithPrivilege).require("Get Webhooks"))
		        .isInstanceOf(APIAuthenticationException.class);
	}
}
