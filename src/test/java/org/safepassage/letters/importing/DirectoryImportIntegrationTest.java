package org.safepassage.letters.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.Representative;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Importing the representatives directory through the staff page: a dry run first, then
 * the import of the checked file, all or nothing, updating on a second import.
 */
class DirectoryImportIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	static final Pattern IMPORT_ACTION = Pattern.compile("/admin/letters/directory/import/([A-Za-z0-9_-]{32})");

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	ResultActions check(String name, byte[] file) throws Exception {
		return mvc.perform(
				multipart("/admin/letters/directory/check").file(new MockMultipartFile("file", name, "text/csv", file))
					.with(CAMPAIGNER)
					.with(csrf()));
	}

	/** Dry run, then import of the checked upload, as staff do. */
	void checkAndImport(String name, byte[] file) throws Exception {
		String page = check(name, file).andExpect(status().isOk())
			.andExpect(content().string(containsString("is ready to import")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher action = IMPORT_ACTION.matcher(page);
		assertThat(action.find()).as("the page offers the import").isTrue();
		mvc.perform(post(action.group()).with(CAMPAIGNER).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/letters/directory"));
	}

	static byte[] sample(String name) throws IOException {
		try (InputStream in = DirectoryImportIntegrationTest.class.getResourceAsStream("/letters/" + name)) {
			return in.readAllBytes();
		}
	}

	static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	long representatives() {
		return jdbc.sql("select count(*) from letters_representative").query(Long.class).single();
	}

	@Test
	void aDryRunListsEveryBadRowWithItsLineAndReasonAndWritesNothing() throws Exception {
		long before = representatives();
		String file = """
				body,area_code,area_name,key,name,email,valid_from,valid_to
				uk-commons,E14099950,Good Area (sample),k1,Good Member,good@example.org,2024-07-05,
				no-such-body,E14099951,Bad Body,k2,Someone,,2024-07-05,
				uk-commons,E14099952,Bad Mail,k3,Someone Else,not-an-address,2024-07-05,
				uk-commons,E14099953,Bad Dates,k4,Third Person,,2024-07-05,2024-01-01
				""";
		check("bad.csv", csv(file)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Nothing was imported: 3 problems in bad.csv")))
			.andExpect(content().string(containsString("<td class=\"num\">3</td>")))
			.andExpect(content().string(containsString("There is no body &quot;no-such-body&quot;")))
			.andExpect(content().string(containsString("<td class=\"num\">4</td>")))
			.andExpect(content().string(containsString("<td>email</td>")))
			.andExpect(content().string(containsString("<td class=\"num\">5</td>")))
			.andExpect(content().string(containsString("The end date is before the start date.")))
			.andExpect(content().string(not(containsString("Import now"))));
		assertThat(representatives()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from letters_area where code like 'E1409995%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aPostcodeFileFromTheOnsDirectoryFindsRepresentativesInTwoBodies() throws Exception {
		checkAndImport("representatives.csv", sample("representatives.csv"));
		checkAndImport("onspd.csv", sample("onspd-sample.csv"));

		// Other tests may add members to the same sample areas: look at areas and bodies.
		List<Representative> found = directory.forPostcode("zx1 1aa", List.of("uk-commons", "scottish-parliament"));
		assertThat(found).extracting(Representative::name)
			.contains("Ailsa Sample MP (sample)", "Isla Constituency MSP (sample)", "Rory Region MSP (sample)");
		assertThat(found).extracting(Representative::areaCode).containsOnly("S14099902", "S16099901", "S17099901");
		assertThat(found.getFirst().bodyCode()).isEqualTo("uk-commons");
		assertThat(directory.knows("ZX1 1AB")).isTrue();
		assertThat(directory.knows("ZX1 1AD")).as("terminated postcodes are not imported").isFalse();
		assertThat(directory.forPostcode("SW1A 1AA", List.of("uk-commons")))
			.as("postcodes the file does not name are kept")
			.hasSize(1);

		// The English postcode moves to another constituency: replaced, not added.
		checkAndImport("onspd-2.csv", csv("""
				pcds,doterm,pcon
				ZX1 1AB,,S14099902
				"""));
		assertThat(directory.forPostcode("ZX1 1AB", List.of("uk-commons"))).extracting(Representative::name)
			.containsExactly("Ailsa Sample MP (sample)");
		assertThat(jdbc.sql("""
				select count(*) from letters_postcode_area p join letters_area a on a.id = p.area_id
				where p.postcode = 'ZX11AB' and a.body_code = 'uk-commons'""").query(Long.class).single()).isEqualTo(1);
		assertThat(directory.forPostcode("ZX1 1AA", List.of("scottish-parliament"))).as("the other body's areas stay")
			.extracting(Representative::areaCode)
			.contains("S16099901", "S17099901");
	}

	@Test
	void importingTheSameSourcesAgainUpdatesInsteadOfDuplicating() throws Exception {
		checkAndImport("representatives.csv", sample("representatives.csv"));
		checkAndImport("twfy.csv", sample("twfy-mps.csv"));
		checkAndImport("dc.csv", sample("democracy-club.csv"));
		long after = representatives();
		assertThat(jdbc.sql("select count(*) from letters_representative where source_key = 'dc:99912'")
			.query(Long.class)
			.single()).as("a candidate not elected is skipped").isZero();
		assertThat(jdbc.sql("select name from letters_representative where source_key = 'twfy:99901'")
			.query(String.class)
			.single()).isEqualTo("Tamsin Testperson");

		checkAndImport("representatives.csv", csv(new String(sample("representatives.csv"), StandardCharsets.UTF_8)
			.replace("Other Sample Party", "Renamed Party")));
		checkAndImport("twfy.csv", sample("twfy-mps.csv"));
		checkAndImport("dc.csv", sample("democracy-club.csv"));
		assertThat(representatives()).isEqualTo(after);
		assertThat(jdbc.sql("select party from letters_representative where source_key = 'sample-msp-glen'")
			.query(String.class)
			.single()).isEqualTo("Renamed Party");
	}

	@Test
	void aBadUploadGetsAClearMessage() throws Exception {
		mvc.perform(multipart("/admin/letters/directory/check").with(CAMPAIGNER).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please choose a CSV file.")));
		check("picture.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) 0xff, (byte) 0xfe, 0 })
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The file is not UTF-8 text.")));
		check("columns.csv", csv("name,city\nAnne,Leeds\n")).andExpect(status().isBadRequest())
			.andExpect(
					content().string(containsString("These columns are not a format the directory knows: name, city")));
		check("onspd.csv", csv("pcds,lat,long\nZX1 1AA,1,2\n")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("needs at least one of the columns pcon, spc or spr")));
		StringBuilder large = new StringBuilder("body,area_code,area_name\n");
		while (large.length() < 5 * 1024 * 1024 + 10) {
			large.append("uk-commons,E14099960,A name long enough to fill the file quickly (sample)\n");
		}
		check("large.csv", csv(large.toString())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("may be at most 5 MB")));
	}

	@Test
	void aPostcodeFileWithBadRowsImportsNothing() throws Exception {
		long before = jdbc.sql("select count(*) from letters_postcode_area").query(Long.class).single();
		check("onspd.csv", csv("""
				pcds,pcon,spc
				ZX2 1AA,E14099901,
				NOT A POSTCODE,E14099901,
				ZX2 1AB,E1409990,S16099901
				""")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Nothing was imported: 2 problems")))
			.andExpect(content().string(containsString("&quot;NOT A POSTCODE&quot; is not a postcode.")))
			.andExpect(content().string(containsString("&quot;E1409990&quot; is not a GSS code")));
		assertThat(jdbc.sql("select count(*) from letters_postcode_area").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void staffSeeCountsAndAddBodies() throws Exception {
		mvc.perform(get("/admin/letters/directory").with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("House of Commons")));
		mvc.perform(post("/admin/letters/directory/bodies").param("code", "sample-assembly")
			.param("name", "Sample Assembly")
			.param("sortOrder", "90")
			.with(CAMPAIGNER)
			.with(csrf())).andExpect(status().isFound());
		assertThat(directory.bodies()).extracting(b -> b.code()).contains("sample-assembly");
		mvc.perform(post("/admin/letters/directory/bodies").param("code", "sample-assembly")
			.param("name", "Again <b>")
			.param("sortOrder", "x")
			.with(CAMPAIGNER)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a whole number from 0 to 9999.")))
			.andExpect(content().string(containsString("Again &lt;b&gt;")));
		mvc.perform(get("/admin/letters/directory").with(user("r@example.org").roles("RESEARCHER")))
			.andExpect(status().isForbidden());
	}

}
