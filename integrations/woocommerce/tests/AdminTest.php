<?php
/**
 * The settings page and the Test connection button: the key stays masked, the action checks nonce and capability.
 *
 * @package Risiti_WooCommerce\Tests
 */

use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/../risiti-woocommerce/includes/class-risiti-settings-page.php';

final class AdminTest extends TestCase {

	const KEY = 'rs_live_0123456789abcdef0123456789abcdef01234567';

	protected function setUp(): void {
		Fake_WordPress::reset();
		Fake_WooCommerce::reset();
		$_REQUEST = array();
		update_option( Risiti_Settings::API_KEY, null === RisitiApi::base_url() ? self::KEY : RisitiApi::api_key() );
		update_option( Risiti_Settings::BASE_URL, null === RisitiApi::base_url() ? 'http://127.0.0.1:9' : RisitiApi::base_url() );
	}

	private static function admin() {
		$settings = new Risiti_Settings();
		$client   = new Risiti_Client( $settings );
		$retries  = new Risiti_Retries( $settings );
		return new Risiti_Admin( $settings, $client, new Risiti_Order_Sync( $settings, $client, $retries ), $retries );
	}

	private static function test_connection() {
		try {
			self::admin()->test_connection();
		} catch ( Fake_Exit $exit ) {
			return $exit;
		}
		throw new LogicException( 'test_connection did not answer' );
	}

	public function testTheKeyFieldNeverPrintsTheStoredKeyAndAnEmptySubmissionKeepsIt() {
		update_option( Risiti_Settings::API_KEY, self::KEY );
		$page = new Risiti_Settings_Page( new Risiti_Settings() );
		ob_start();
		$page->render_api_key_field( array( 'id' => Risiti_Settings::API_KEY, 'title' => 'API key', 'desc_tip' => 'key' ) );
		$html = ob_get_clean();

		$this->assertStringNotContainsString( substr( self::KEY, 8, 36 ), $html );
		$this->assertStringContainsString( 'value=""', $html );
		$this->assertStringContainsString( 'rs_live_••••••••4567', $html );
		$this->assertSame( self::KEY, $page->sanitize_api_key( '', array(), '' ) );
		$this->assertSame( 'rs_test_new', $page->sanitize_api_key( ' rs_test_new ', array(), '' ) );
		$ids = array_column( $page->get_settings(), 'id' );
		foreach ( array( Risiti_Settings::BASE_URL, Risiti_Settings::API_KEY, Risiti_Settings::BUSINESS_ID, Risiti_Settings::TRIGGER_STATUSES, Risiti_Settings::UNTAXED_LINES, Risiti_Settings::AUTO_FINALIZE, Risiti_Settings::AUTO_SUBMIT_NRS ) as $id ) {
			$this->assertContains( $id, $ids );
		}
	}

	public function testTestConnectionWithoutTheNonceOrWithoutTheCapabilityIsRefusedBeforeAnyCall() {
		$this->assertSame( 403, self::test_connection()->status );

		$_REQUEST['_ajax_nonce'] = wp_create_nonce( Risiti_Admin::TEST_CONNECTION_ACTION );
		update_option( '__fake_capabilities', array( 'edit_shop_orders' ) );
		$refused = self::test_connection();
		$this->assertSame( 403, $refused->status );
		$this->assertFalse( $refused->json['success'] );
		$this->assertSame( '', get_option( Risiti_Settings::BUSINESS_ID, '' ) );
	}

	public function testTestConnectionNamesTheKeysBusinessAndRemembersItsId() {
		if ( null === RisitiApi::base_url() ) {
			$this->markTestSkipped( 'needs the running stack (RISITI_BASE_URL, RISITI_API_KEY)' );
		}
		$_REQUEST['_ajax_nonce'] = wp_create_nonce( Risiti_Admin::TEST_CONNECTION_ACTION );

		$answer = self::test_connection();

		$me = RisitiApi::get( '/api/v1/auth/me' )['data']['tenant'];
		$this->assertTrue( $answer->json['success'] );
		$this->assertStringStartsWith( 'Connected to ' . $me['name'], $answer->json['data']['message'] );
		$this->assertSame( $me['id'], get_option( Risiti_Settings::BUSINESS_ID ) );
	}

	public function testTestConnectionWithAWrongKeySaysWhyWithoutTheKey() {
		if ( null === RisitiApi::base_url() ) {
			$this->markTestSkipped( 'needs the running stack (RISITI_BASE_URL, RISITI_API_KEY)' );
		}
		update_option( Risiti_Settings::API_KEY, self::KEY );
		$_REQUEST['_ajax_nonce'] = wp_create_nonce( Risiti_Admin::TEST_CONNECTION_ACTION );

		$answer = self::test_connection();

		$this->assertFalse( $answer->json['success'] );
		$this->assertStringContainsString( 'HTTP 401 UNAUTHORIZED', $answer->json['data']['message'] );
		$this->assertStringNotContainsString( self::KEY, $answer->json['data']['message'] );
	}

	public function testTheOrderBoxAndTheCustomersEmailShowTheInvoiceEscapedWithThePdfBehindANonceAndThePayPage() {
		$order = new WC_Order( array( 'email' => 'a@b.ng', 'first_name' => 'A', 'last_name' => 'B' ) );
		$order->update_meta_data( Risiti_Order_Sync::META_INVOICE_ID, 'inv-1' );
		$order->update_meta_data( Risiti_Order_Sync::META_INVOICE_NUMBER, 'INV-2026-001<script>' );
		$order->update_meta_data( Risiti_Order_Sync::META_INVOICE_STATUS, 'finalized' );
		$order->update_meta_data( Risiti_Order_Sync::META_IRN, 'INV2026001-94ND90NR-20260324' );
		$order->update_meta_data( Risiti_Order_Sync::META_PUBLIC_TOKEN, 'tok-1' );

		ob_start();
		self::admin()->render_meta_box( $order );
		$box = ob_get_clean();
		ob_start();
		( new Risiti_Emails( new Risiti_Client( new Risiti_Settings() ) ) )->render_irn( $order, false, false );
		$email = ob_get_clean();

		foreach ( array( $box, $email ) as $html ) {
			$this->assertStringContainsString( 'INV-2026-001&lt;script&gt;', $html );
			$this->assertStringNotContainsString( '<script>', $html );
			$this->assertStringContainsString( 'INV2026001-94ND90NR-20260324', $html );
		}
		$this->assertStringContainsString( 'action=risiti_invoice_pdf&amp;order_id=' . $order->get_id() . '&amp;_wpnonce=nonce-risiti_invoice_pdf_' . $order->get_id(), $box );
		$this->assertStringContainsString( get_option( Risiti_Settings::BASE_URL ) . '/p/tok-1/pay', $box );
		$this->assertStringContainsString( 'action=risiti_sync_order', $box );
		$this->assertStringNotContainsString( get_option( Risiti_Settings::API_KEY ), $box );
	}

	public function testSyncNowAndThePdfAreRefusedWithoutTheOrdersNonceOrWithoutTheRightToEditOrders() {
		$order = new WC_Order( array( 'email' => 'a@b.ng', 'first_name' => 'A', 'last_name' => 'B' ) );
		$_GET['order_id'] = (string) $order->get_id();
		foreach ( array( 'sync_now' => Risiti_Admin::SYNC_ACTION, 'download_pdf' => Risiti_Admin::PDF_ACTION ) as $method => $action ) {
			$_REQUEST = array( '_wpnonce' => wp_create_nonce( $action . '_' . ( $order->get_id() + 1 ) ) );
			update_option( '__fake_capabilities', array( 'edit_shop_orders' ) );
			$this->assertRefused( $method, 'nonce' );

			$_REQUEST = array( '_wpnonce' => wp_create_nonce( $action . '_' . $order->get_id() ) );
			update_option( '__fake_capabilities', array( 'read' ) );
			$this->assertRefused( $method, 'You may not edit orders.' );
		}
		$this->assertSame( array(), $order->notes, 'nothing ran' );
		unset( $_GET['order_id'] );
	}

	private function assertRefused( $method, $why ) {
		try {
			self::admin()->$method();
			$this->fail( $method . ' ran' );
		} catch ( Fake_Exit $exit ) {
			$this->assertSame( 403, $exit->status );
			$this->assertSame( $why, $exit->getMessage() );
		}
	}
}
