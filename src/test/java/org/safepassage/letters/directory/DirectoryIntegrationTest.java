package org.safepassage.letters.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class DirectoryIntegrationTest extends IntegrationTest {

	@Autowired
	Directory directory;

	@Test
	void aPostcodeFindsItsRepresentativesInEachBodyAskedFor() {
		List<Representative> holyrood = directory.forPostcode("eh99 1sp", List.of("scottish-parliament"));
		assertThat(holyrood).extracting(Representative::areaName)
			.containsExactly("Edinburgh Central (demo)", "Lothian region (demo)", "Lothian region (demo)");
		assertThat(holyrood).allSatisfy(r -> assertThat(r.email()).endsWith("@example.org"));

		assertThat(directory.forPostcode("EH991SP", List.of("uk-commons", "scottish-parliament"))).hasSize(4)
			.first()
			.satisfies(r -> assertThat(r.bodyCode()).isEqualTo("uk-commons"));
		assertThat(directory.forPostcode("SW1A 1AA", List.of("scottish-parliament"))).isEmpty();
		assertThat(directory.forPostcode("not a postcode", List.of("uk-commons"))).isEmpty();
	}

	@Test
	void aRepresentativeAnswersOnlyForPostcodesInTheirArea() {
		Representative msp = directory.forPostcode("EH99 1SP", List.of("scottish-parliament")).getFirst();
		assertThat(directory.represents(msp.id(), "EH99 1SP")).isTrue();
		assertThat(directory.represents(msp.id(), "SW1A 1AA")).isFalse();
		assertThat(directory.knows("sw1a1aa")).isTrue();
		assertThat(directory.knows("ZZ99 9ZZ")).isFalse();
	}

	@Test
	void postcodesAreKeyedWithoutSpacesAndShownWithOne() {
		assertThat(Postcodes.key(" sw1a  1aa ")).contains("SW1A1AA");
		assertThat(Postcodes.key("<b>")).isEmpty();
		assertThat(Postcodes.display("EH991SP")).isEqualTo("EH99 1SP");
	}

}
