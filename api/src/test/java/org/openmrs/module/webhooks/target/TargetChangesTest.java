package org.openmrs.module.webhooks.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetState;

class TargetChangesTest {

	private static Target stored() {
		Target s = Targets.openFn("stored");
		s.setId(7L);
		s.setUuid("stored-uuid");
		s.setDateCreated(100);
		s.setDateChanged(200);
		s.getHealth().setState(TargetState.PAUSED);
		s.setSigningSecrets(Arrays.asList(new SigningSecret("whsec_stored", 100, 0)));
		return s;
	}

	@Test
	void forUpdate_shouldKeepMaskedAndNullSecretsAndClearEmptyOnes() {
		Target incoming = TargetMasking.masked(stored());
		incoming.getHeaders().put("X-New", "fresh");
		incoming.getHeaders().put("x-custom", "****7788");

		Target t = TargetChanges.forUpdate(incoming, stored(), 300);

		assertThat(t.getAuth().getValue()).isEqualTo(Targets.API_KEY);
		assertThat(t.getHeaders()).containsEntry("X-Custom", Targets.HEADER_VALUE).containsEntry("x-custom",
		    Targets.HEADER_VALUE).containsEntry("X-New", "fresh");

		incoming = TargetMasking.masked(stored());
		incoming.getAuth().setValue(null);
		incoming.getHeaders().put("X-Custom", "");
		t = TargetChanges.forUpdate(incoming, stored(), 300);
		assertThat(t.getAuth().getValue()).isEqualTo(Targets.API_KEY);
		assertThat(t.getHeaders()).doesNotContainKey("X-Custom");

		incoming.getAuth().setValue("");
		assertThat(TargetChanges.forUpdate(incoming, stored(), 300).getAuth().getValue()).isNull();
	}

	@Test
	void forUpdate_shouldKeepIdentityHealthRetirementAndSigningSecretsAsStored() {
		Target incoming = TargetMasking.masked(stored());
		incoming.setUuid("other");
		incoming.setRetired(true);
		incoming.getHealth().setState(TargetState.ACTIVE);
		incoming.setSigningSecrets(Arrays.asList(new SigningSecret("whsec_injected", 1, 0)));

		Target t = TargetChanges.forUpdate(incoming, stored(), 300);

		assertThat(t.getId()).isEqualTo(7L);
		assertThat(t.getUuid()).isEqualTo("stored-uuid");
		assertThat(t.isRetired()).isFalse();
		assertThat(t.getHealth().getState()).isEqualTo(TargetState.PAUSED);
		assertThat(t.getSigningSecrets()).extracting(SigningSecret::getSecret).containsExactly("whsec_stored");
		assertThat(t.getDateCreated()).isEqualTo(100);
		assertThat(t.getDateChanged()).isEqualTo(300);
	}

	@Test
	void forUpdate_shouldMoveDateChangedForwardEvenWhenTheClockHasNot() {
		assertThat(TargetChanges.forUpdate(stored(), stored(), 150).getDateChanged()).isEqualTo(201);
		assertThat(TargetChanges.forUpdate(stored(), stored(), 200).getDateChanged()).isEqualTo(201);
	}

	@Test
	void forUpdate_shouldDropCredentialsOfTheOldAuthTypeWhenTheTypeChanges() {
		Target incoming = TargetMasking.masked(stored());
		incoming.getAuth().setType(TargetAuth.BEARER);
		incoming.getAuth().setToken("new-token");

		Target t = TargetChanges.forUpdate(incoming, stored(), 300);

		assertThat(t.getAuth().getToken()).isEqualTo("new-token");
		assertThat(t.getAuth().getValue()).isNull();
		assertThat(t.getAuth().getHeaderName()).isNull();
	}

	@Test
	void forCreate_shouldTreatMaskedSecretsAsMissingAndKeepImportedSigningSecrets() {
		Target incoming = Targets.openFn("new");
		incoming.getAuth().setValue("****abcd");
		incoming.setRetired(true);
		incoming.getHealth().setState(TargetState.DISABLED);
		incoming.setSigningSecrets(Arrays.asList(new SigningSecret("whsec_imported", 0, 0), new SigningSecret("****",
		        0, 0)));

		Target t = TargetChanges.forCreate(incoming, "generated", 500);

		assertThat(t.getAuth().getValue()).isNull();
		assertThat(t.getUuid()).isEqualTo("generated");
		assertThat(t.isRetired()).isFalse();
		assertThat(t.getHealth().getState()).isEqualTo(TargetState.ACTIVE);
		assertThat(t.getSigningSecrets()).singleElement().satisfies(s -> {
			assertThat(s.getSecret()).isEqualTo("whsec_imported");
			assertThat(s.getCreatedAt()).isEqualTo(500);
		});
		assertThat(incoming.getAuth().getValue()).as("the client's object is untouched").isEqualTo("****abcd");
	}
}
