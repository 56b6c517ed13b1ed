package org.safepassage.petitions.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.Chromium;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.petitions.domain.SignatureRows;
import org.safepassage.petitions.milestones.MilestoneForm;
import org.safepassage.petitions.milestones.Milestones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The progress bar, milestones and charts as Chromium's accessibility tree presents them,
 * with JavaScript off: names a screen reader reads, tables with captions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PetitionChartsBrowserTest extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	PetitionRepository repository;

	@Autowired
	Milestones milestones;

	Chromium chromium;

	Browser browser;

	@BeforeAll
	void launch() {
		chromium = Chromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theChartsAndTheProgressBarHaveTextAlternativesWithoutJavaScript() {
		long id = Petitions.openPetition(repository, "Charts for everyone");
		jdbc.sql("update petition set opened_at = :at where id = :id")
			.param("at", PetitionQueries.at(clock.instant().minus(Duration.ofDays(4))))
			.param("id", id)
			.update();
		repository.save(repository.find(id).orElseThrow());
		milestones.add(id, new MilestoneForm("5", "The embassy must reply"));
		milestones.add(id, new MilestoneForm("20", "Raised in Parliament"));
		Instant now = clock.instant();
		String[] countries = { "KR", "GB", "GB", "US", "KR", "KR", "DE" };
		for (int i = 0; i < countries.length; i++) {
			Instant at = now.minus(Duration.ofDays(i % 3));
			SignatureRows.insert(jdbc, id, "b" + i + "-" + id + "@example.org", countries[i], at, at);
		}
		await().atMost(Duration.ofSeconds(5))
			.until(() -> jdbc.sql("select coalesce(sum(confirmed), 0) from signature_count where petition_id = :id")
				.param("id", id)
				.query(Long.class)
				.single() == countries.length);

		Page page = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)).newPage();
		page.navigate("http://localhost:" + port + "/petitions/" + id);
		assertThat(page.getByRole(AriaRole.PROGRESSBAR,
				new Page.GetByRoleOptions().setName("7 of 1,000 signatures: 0% of the goal")))
			.isVisible();
		assertThat(page.locator(".milestones li.reached")).hasText("Reached: 5 signatures: The embassy must reply");
		assertThat(page.locator(".next-milestone"))
			.hasText("Next milestone: 20 signatures, Raised in Parliament (13 to go)");
		assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Signatures per day"))).isVisible();
		assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Signatures by country")))
			.isVisible();
		assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Signatures by country"))
			.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("South Korea 3"))).isVisible();
		page.getByText("The numbers").click();
		assertThat(page.getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName("Confirmed signatures per day (UTC)")))
			.isVisible();
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target", "screenshots", "petition-charts.png")));
	}

}
