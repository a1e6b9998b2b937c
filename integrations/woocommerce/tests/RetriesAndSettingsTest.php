<?php
/**
 * Backoff, the masked key and uninstall, without the stack.
 *
 * @package Risiti_WooCommerce\Tests
 */

use PHPUnit\Framework\TestCase;

final class RetriesAndSettingsTest extends TestCase {

	protected function setUp(): void {
		Fake_WordPress::reset();
		Fake_WooCommerce::reset();
	}

	public function testEachRetryWaitsTwiceAsLongAsTheOneBeforePlusAtMostAQuarterMoreUpToSixHours() {
		update_option( Risiti_Settings::RETRY_BASE_SECONDS, 60 );
		$retries = new Risiti_Retries( new Risiti_Settings() );
		foreach ( array( 1 => 60, 2 => 120, 3 => 240, 8 => 7680, 10 => 21600 ) as $attempt => $base ) {
			for ( $i = 0; $i < 20; $i++ ) {
				$delay = $retries->delay( $attempt );
				$this->assertGreaterThanOrEqual( $base, $delay, 'attempt ' . $attempt );
				$this->assertLessThanOrEqual( $base + intdiv( $base, 4 ), $delay, 'attempt ' . $attempt );
			}
		}
	}

	public function testTheSettingsPageShowsTheKeyMaskedAndAnEmptySubmissionKeepsIt() {
		$key = 'rs_test_' . str_repeat( 'ab12', 10 );
		update_option( Risiti_Settings::API_KEY, $key );
		$settings = new Risiti_Settings();

		$this->assertSame( 'rs_test_••••••••ab12', $settings->masked_api_key() );
		$this->assertStringNotContainsString( substr( $key, 8, 30 ), $settings->masked_api_key() );
	}

	public function testTriggerStatusesDefaultToProcessingAndCompletedAndLoseWooCommercesPrefix() {
		$this->assertSame( array( 'processing', 'completed' ), ( new Risiti_Settings() )->trigger_statuses() );
		update_option( Risiti_Settings::TRIGGER_STATUSES, array( 'wc-completed' ) );
		$this->assertSame( array( 'completed' ), ( new Risiti_Settings() )->trigger_statuses() );
	}

	public function testUninstallRemovesEveryOptionThePluginWroteAndItsQueuedRetries() {
		foreach ( Risiti_Settings::option_names() as $name ) {
			update_option( $name, 'x' );
		}
		update_option( 'blogname', 'Shop' );
		set_transient( Risiti_Settings::TAX_RATES_TRANSIENT, array( 1 ) );
		as_schedule_single_action( time(), Risiti_Order_Sync::SYNC_HOOK, array( 'order_id' => 1 ), Risiti_Settings::ACTION_GROUP );

		define( 'WP_UNINSTALL_PLUGIN', 'risiti-woocommerce/risiti-woocommerce.php' );
		require __DIR__ . '/../risiti-woocommerce/uninstall.php';

		$this->assertSame( array( 'blogname' => 'Shop' ), Fake_WordPress::$options );
		$this->assertSame( array(), Fake_WooCommerce::$actions );
	}

	public function testEveryPhpFileOfThePluginPassesPhpLint() {
		$files = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( __DIR__ . '/../risiti-woocommerce' ) );
		$linted = 0;
		foreach ( $files as $file ) {
			if ( 'php' !== $file->getExtension() ) {
				continue;
			}
			exec( escapeshellarg( PHP_BINARY ) . ' -l ' . escapeshellarg( $file->getPathname() ) . ' 2>&1', $output, $status );
			$this->assertSame( 0, $status, implode( "\n", $output ) );
			++$linted;
		}
		$this->assertGreaterThanOrEqual( 12, $linted );
	}
}
