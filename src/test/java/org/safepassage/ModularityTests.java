package org.safepassage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the modules within their declared dependencies and writes their documentation (a
 * C4 component diagram and a canvas per module) to {@code docs/modules}.
 */
class ModularityTests {

	private static final Path DOCS = Path.of("docs", "modules");

	private final ApplicationModules modules = ApplicationModules.of(SafePassageApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void documentsTheModules() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeDocumentation()
			.writeIndividualModulesAsPlantUml();
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				sortRelations(file);
			}
		}
	}

	/**
	 * The Documenter lists relations in no fixed order; sorted, the committed diagrams
	 * change only when a dependency does.
	 */
	private static void sortRelations(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
		Iterator<String> sorted = relations.iterator();
		List<String> result = lines.stream().map(line -> line.startsWith("Rel(") ? sorted.next() : line).toList();
		Files.write(file, result);
	}

}
