package org.safepassage.letters.demo;

import java.time.LocalDate;

import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.DirectoryWriter;
import org.safepassage.letters.directory.DirectoryWriter.NewRepresentative;
import org.safepassage.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with an empty directory, a demo directory that answers for two real
 * postcodes: {@code SW1A 1AA} (a House of Commons member) and {@code EH99 1SP} (a Commons
 * member, a Scottish Parliament constituency member and two regional members). Every
 * person is made up and named as a demo, every code starts with {@code DEMO-}, and every
 * address is at example.org, so a letter written to the demo reaches nobody real.
 */
@Component
@Order(40)
@DemoData
class DemoDirectory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

	private static final LocalDate FROM = LocalDate.of(2024, 7, 5);

	private final Directory directory;

	private final DirectoryWriter writer;

	DemoDirectory(Directory directory, DirectoryWriter writer) {
		this.directory = directory;
		this.writer = writer;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!directory.isEmpty()) {
			return;
		}
		long westminster = writer.area("uk-commons", "DEMO-CLW", "Cities of London and Westminster (demo)", null);
		member(westminster, "demo-commons-clw", "Alex Sample MP (demo)", "commons.clw@example.org",
				"House of Commons, London SW1A 0AA");
		writer.postcode("SW1A 1AA", westminster);

		long edinburghEast = writer.area("uk-commons", "DEMO-EEM", "Edinburgh East and Musselburgh (demo)", null);
		member(edinburghEast, "demo-commons-eem", "Robin Example MP (demo)", "commons.eem@example.org",
				"House of Commons, London SW1A 0AA");
		long lothian = writer.area("scottish-parliament", "DEMO-LOTH", "Lothian region (demo)", null);
		long edinburghCentral = writer.area("scottish-parliament", "DEMO-EDC", "Edinburgh Central (demo)", lothian);
		member(edinburghCentral, "demo-msp-edc", "Morgan Placeholder MSP (demo)", "msp.edc@example.org",
				"The Scottish Parliament, Edinburgh EH99 1SP");
		member(lothian, "demo-msp-loth-1", "Jamie Specimen MSP (demo)", "msp.lothian1@example.org",
				"The Scottish Parliament, Edinburgh EH99 1SP");
		member(lothian, "demo-msp-loth-2", "Casey Illustration MSP (demo)", "msp.lothian2@example.org",
				"The Scottish Parliament, Edinburgh EH99 1SP");
		writer.postcode("EH99 1SP", edinburghEast);
		writer.postcode("EH99 1SP", edinburghCentral);
		log.info("Demo representatives directory loaded: SW1A 1AA and EH99 1SP, every address at example.org");
	}

	private void member(long area, String key, String name, String email, String address) {
		writer.representative(new NewRepresentative(area, key, name, "Demo Party", email, address, FROM, null, true));
	}

}
