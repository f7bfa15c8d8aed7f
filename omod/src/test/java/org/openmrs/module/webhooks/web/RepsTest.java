package org.openmrs.module.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webservices.rest.web.representation.DefaultRepresentation;
import org.openmrs.module.webservices.rest.web.representation.FullRepresentation;
import org.openmrs.module.webservices.rest.web.representation.RefRepresentation;
import org.openmrs.module.webservices.rest.web.representation.Representation;

class RepsTest {

	@Test
	void nameOf_shouldNameTheRestModulesRepresentationsByClass() {
		assertThat(Reps.nameOf(new RefRepresentation())).isEqualTo("ref");
		assertThat(Reps.nameOf(new DefaultRepresentation())).isEqualTo("default");
		assertThat(Reps.nameOf(new FullRepresentation())).isEqualTo("full");
	}

	@Test
	void nameOf_shouldLeaveCustomRepresentationsToTheRestModule() {
		Representation custom = () -> "custom:(uuid,name)";

		assertThat(Reps.nameOf(custom)).isNull();
	}

	@Test
	void byName_shouldGiveTheRestModulesConstants() {
		assertThat(Reps.byName("ref")).isSameAs(Representation.REF);
		assertThat(Reps.byName("default")).isSameAs(Representation.DEFAULT);
		assertThat(Reps.byName("full")).isSameAs(Representation.FULL);
		assertThatThrownBy(() -> Reps.byName("none")).isInstanceOf(IllegalArgumentException.class);
	}
}
