package io.aftercare.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL forms an attacker writes to reach the service's own network, against a production node's rules. */
class DestinationsAttackTest {

    private static final InetAddress PUBLIC = literal("93.184.215.14");

    // Names answer from a table, as an attacker's DNS would; address literals are parsed by the JDK, as in production.
    private final Destinations production = new Destinations(false, false, host -> switch (host) {
        case "hooks.example.com" -> new InetAddress[] {PUBLIC};
        case "127.0.0.1.nip.example" -> new InetAddress[] {literal("127.0.0.1")};
        case "metadata.nip.example" -> new InetAddress[] {literal("169.254.169.254")};
        case "mapped.nip.example" -> new InetAddress[] {literal("::ffff:10.0.0.1")};
        // What glibc's resolver makes of the BSD forms the JDK does not parse itself.
        case "0x7f.1", "0x7f000001", "017700000001" -> new InetAddress[] {literal("127.0.0.1")};
        default -> InetAddress.getAllByName(host);
    });

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://2130706433/",
                "https://0x7f000001/",
                "https://017700000001/",
                "https://127.000.000.001/",
                "https://0/",
                "https://[0:0:0:0:0:ffff:127.0.0.1]/",
                "https://[::ffff:7f00:1]/",
                "https://[::127.0.0.1]/",
                "https://[::ffff:169.254.169.254]/",
                "https://[0000::1]/",
                "https://127.0.0.1.nip.example/",
                "https://metadata.nip.example/latest/meta-data/",
                "https://mapped.nip.example/",
            })
    void shouldRefuseEveryWayOfWritingAnInternalAddress(String url) {
        assertThat(production.problemWith(url))
                .hasValueSatisfying(why -> assertThat(why).contains("not on the public internet"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // IPv4-translated (SIIT, RFC 6145) and local-use NAT64 (RFC 8215): a translator on the network maps
                // them to the IPv4 address they carry.
                "https://[::ffff:0:127.0.0.1]/",
                "https://[::ffff:0:a00:1]/",
                "https://[64:ff9b:1::a00:1]/",
            })
    void shouldRefuseIpv6FormsThatATranslatorMapsToIpv4(String url) {
        assertThat(production.problemWith(url))
                .hasValueSatisfying(why -> assertThat(why).contains("not on the public internet"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://0x7f.1/",
                "https://127.1/",
                "https://127.0.0.1./",
                "https://%31%32%37.0.0.1/",
                "https://bücher.example/",
                "https://①②⑦.⓪.⓪.①/",
                "https://[fe80::1%25eth0]/",
            })
    void shouldRefuseHostsTheUrlParserCannotRead(String url) {
        assertThat(production.problemWith(url)).isPresent();
    }

    @Test
    void shouldDeliverWhereTheUrlSaysNotWhereATrickAims() throws Destinations.Refused {
        // The fragment and the percent-encoded user part are no host: the request goes to hooks.example.com.
        assertThat(production.resolve("https://hooks.example.com#@127.0.0.1/").address())
                .isEqualTo(PUBLIC);
        assertThat(production.problemWith("https://127.0.0.1%2f@hooks.example.com/"))
                .hasValue("must not carry a user name or password");
        // Java reads a leading zero as decimal: this is 177.0.0.1, a public address, and that is where it connects.
        assertThat(new Destinations(false, false, InetAddress::getAllByName)
                        .resolve("https://0177.0.0.1/")
                        .address())
                .isEqualTo(literal("177.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com:99999/", "https://hooks.example.com:65536/"})
    void shouldRefuseAPortOutOfRange(String url) {
        assertThat(production.problemWith(url))
                .hasValueSatisfying(why -> assertThat(why).contains("port"));
    }

    @Test
    void shouldRefuseAUrlLongerThan2000Characters() {
        String url = "https://hooks.example.com/" + "a".repeat(2_000);

        assertThat(production.problemWith(url))
                .hasValueSatisfying(why -> assertThat(why).contains("longer than"));
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
