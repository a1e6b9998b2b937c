<?php
/**
 * The plugin's order flow against the running stack: WooCommerce orders (faked) in, Risiti's records (real) out.
 *
 * @package Risiti_WooCommerce\Tests
 */

use PHPUnit\Framework\TestCase;

final class OrderFlowTest extends TestCase {

	/** A port nothing listens on: the API "down". */
	const DEAD_URL = 'http://127.0.0.1:9';

	protected function setUp(): void {
		if ( null === RisitiApi::base_url() ) {
			$this->markTestSkipped( 'RISITI_BASE_URL and RISITI_API_KEY are not set: these tests need the running stack (system-tests WooCommercePluginIT runs them).' );
		}
		Fake_WordPress::reset();
		Fake_WooCommerce::reset();
		update_option( Risiti_Settings::BASE_URL, RisitiApi::base_url() );
		update_option( Risiti_Settings::API_KEY, RisitiApi::api_key() );
		update_option( Risiti_Settings::RETRY_BASE_SECONDS, 2 );
		update_option( Risiti_Settings::AUTO_FINALIZE, 'yes' );
		Risiti_Plugin::boot();
	}

	/** When a test fails, what the plugin noted on its orders says why. */
	protected function onNotSuccessfulTest( Throwable $failure ): void {
		foreach ( Fake_WooCommerce::$orders as $order ) {
			if ( ! empty( $order->notes ) ) {
				fwrite( STDERR, "\nNotes of order " . $order->get_id() . ":\n  " . implode( "\n  ", $order->notes ) . "\n" );
			}
		}
		parent::onNotSuccessfulTest( $failure );
	}

	/**
	 * A shopper's order: an item whose VAT WooCommerce rounded per unit, a zero-rated item, shipping and a fee.
	 *
	 * @param string $email Shopper.
	 * @return WC_Order
	 */
	private function order( $email ) {
		$order = new WC_Order(
			array(
				'first_name' => 'Chioma',
				'last_name'  => 'Eze',
				'email'      => $email,
				'phone'      => '+234 803 123 4567',
			)
		);
		$order->add_item( 'line_item', new WC_Order_Item( 'Ankara fabric (6 yards)', 3, '3703.71', '277.77' ) );
		$order->add_item( 'line_item', new WC_Order_Item( 'Rice 50kg', 2, '90000.00', '0' ) );
		$order->add_item( 'shipping', new WC_Order_Item( 'Flat rate', 1, '2500.00', '187.50' ) );
		$order->add_item( 'fee', new WC_Order_Item( 'Gift wrapping', 1, '500.00', '37.50' ) );
		return $order;
	}

	private static function shopper() {
		return 'shopper+' . bin2hex( random_bytes( 6 ) ) . '@woo.risiti.ng';
	}

	/** @return array[] The customers Risiti has with this email. */
	private static function customers( $email ) {
		return RisitiApi::get( '/api/v1/customers?search=' . rawurlencode( $email ) . '&limit=100' )['data'];
	}

	/** @return array[] Invoices (or credit notes) of a customer. */
	private static function invoices( $customer_id, $type = 'invoice' ) {
		return RisitiApi::get( '/api/v1/invoices?customer_id=' . $customer_id . '&type=' . $type . '&limit=100' )['data'];
	}

	/** @return array[] Receipts of an invoice. */
	private static function receipts( $invoice_id ) {
		return RisitiApi::get( '/api/v1/receipts?invoice_id=' . $invoice_id . '&limit=100' )['data'];
	}

	public function testAPaidOrderBecomesOneCustomerOneFinalizedPaidInvoiceAtTheOrdersTotalAndOneReceipt() {
		$email = self::shopper();
		$order = $this->order( $email );

		$order->payment_complete( 'PSK_T_' . $order->get_id() );

		$customers = self::customers( $email );
		$this->assertCount( 1, $customers );
		$this->assertSame( 'Chioma Eze', $customers[0]['name'] );
		$this->assertSame( '+2348031234567', $customers[0]['phone'] );
		$invoices = self::invoices( $customers[0]['id'] );
		$this->assertCount( 1, $invoices );
		$invoice = RisitiApi::get( '/api/v1/invoices/' . $invoices[0]['id'] )['data'];
		$this->assertSame( 9720648, $invoice['total_amount_kobo'], 'the invoice total is what the shopper paid, to the kobo' );
		// Risiti's VAT on the fabric line is 277.78 (per line) where WooCommerce charged 277.77 (per unit): the line's net
		// gave up the kobo, so the total still matches.
		$this->assertSame( 50278, $invoice['tax_total_kobo'] );
		$this->assertSame( 9670370, $invoice['subtotal_kobo'] );
		$this->assertSame( 'paid', $invoice['status'] );
		$this->assertSame( 0, $invoice['amount_due_kobo'] );
		$this->assertNotEmpty( $invoice['irn'] );
		$lines = array_column( $invoice['line_items'], null, 'description' );
		$this->assertSame( array( 'Ankara fabric (6 yards) × 3', 'Rice 50kg', 'Shipping: Flat rate', 'Gift wrapping' ), array_keys( $lines ) );
		$this->assertSame( 'Z', $lines['Rice 50kg']['vat_category'] );
		$this->assertSame( '2', (string) $lines['Rice 50kg']['quantity'] );
		$this->assertSame( 18750, $lines['Shipping: Flat rate']['tax_kobo'] );
		$receipts = self::receipts( $invoice['id'] );
		$this->assertCount( 1, $receipts );
		$this->assertSame( 'PSK_T_' . $order->get_id(), $receipts[0]['reference'] );

		$this->assertSame( $invoice['invoice_number'], $order->get_meta( Risiti_Order_Sync::META_INVOICE_NUMBER ) );
		$this->assertSame( $invoice['irn'], $order->get_meta( Risiti_Order_Sync::META_IRN ) );
		$this->assertSame( $receipts[0]['receipt_number'], $order->get_meta( Risiti_Order_Sync::META_RECEIPT_NUMBER ) );
		$this->assertSame( 'paid', $order->get_meta( Risiti_Order_Sync::META_INVOICE_STATUS ) );
		$this->assertSame( array(), Fake_WooCommerce::$actions, 'nothing left to retry' );
	}

	public function testTheSameHooksFiredAgainAndAnAnswerLostOnTheWayStillMakeOneCustomerOneInvoiceOneReceipt() {
		$email = self::shopper();
		$order = $this->order( $email );
		$order->payment_complete( 'PSK_T_' . $order->get_id() );
		$invoice_id = $order->get_meta( Risiti_Order_Sync::META_INVOICE_ID );

		do_action( 'woocommerce_order_status_changed', $order->get_id(), 'processing', 'completed', $order );
		do_action( 'woocommerce_payment_complete', $order->get_id(), 'PSK_T_' . $order->get_id() );
		// As if every answer had been lost before the plugin stored it: only the Idempotency-Keys stand in the way.
		$order->forget_meta();
		do_action( 'woocommerce_order_status_changed', $order->get_id(), 'processing', 'completed', $order );

		$customers = self::customers( $email );
		$this->assertCount( 1, $customers );
		$invoices = self::invoices( $customers[0]['id'] );
		$this->assertCount( 1, $invoices );
		$this->assertSame( $invoice_id, $invoices[0]['id'] );
		$this->assertSame( $invoice_id, $order->get_meta( Risiti_Order_Sync::META_INVOICE_ID ) );
		$this->assertCount( 1, self::receipts( $invoice_id ) );
		$this->assertNotEmpty( $order->get_meta( Risiti_Order_Sync::META_RECEIPT_NUMBER ) );
	}

	public function testWhileTheApiIsDownAnOrderWaitsInTheActionSchedulerWithANoticeAndIsDeliveredWhenItIsBack() {
		update_option( Risiti_Settings::BASE_URL, self::DEAD_URL );
		update_option( Risiti_Settings::BUSINESS_ID, '' );
		$email = self::shopper();
		$order = $this->order( $email );

		$order->payment_complete( 'PSK_T_' . $order->get_id() );

		$this->assertCount( 1, Fake_WooCommerce::$actions );
		$queued = Fake_WooCommerce::$actions[0];
		$this->assertSame( Risiti_Order_Sync::SYNC_HOOK, $queued['hook'] );
		$this->assertSame( array( 'order_id' => $order->get_id() ), $queued['args'] );
		$this->assertSame( Risiti_Settings::ACTION_GROUP, $queued['group'] );
		$this->assertGreaterThanOrEqual( time() + 2, $queued['when'] );
		$this->assertLessThanOrEqual( time() + 3, $queued['when'], 'first retry after the base delay plus at most a quarter of it' );
		$failures = get_option( Risiti_Settings::FAILURES );
		$this->assertStringContainsString( 'TRANSPORT_ERROR', $failures[ $order->get_id() ] );
		$this->assertStringContainsString( 'will retry automatically (attempt 1)', $failures[ $order->get_id() ] );
		$this->assertStringNotContainsString( RisitiApi::api_key(), implode( "\n", array_merge( Fake_WooCommerce::$log, $order->notes, $failures ) ) );
		ob_start();
		( new Risiti_Admin( new Risiti_Settings(), new Risiti_Client( new Risiti_Settings() ), Risiti_Plugin::sync(), new Risiti_Retries( new Risiti_Settings() ) ) )->render_failures_notice();
		$this->assertStringContainsString( 'Order #' . $order->get_id(), ob_get_clean() );

		// Still down at the next attempt: the next wait is twice as long, and nothing is queued twice.
		$this->assertSame( 1, Fake_WooCommerce::run_due_actions( 10 ) );
		$this->assertCount( 1, Fake_WooCommerce::$actions );
		$this->assertGreaterThanOrEqual( time() + 4, Fake_WooCommerce::$actions[0]['when'] );
		$this->assertSame( array(), self::customers( $email ) );

		update_option( Risiti_Settings::BASE_URL, RisitiApi::base_url() );
		$this->assertSame( 1, Fake_WooCommerce::run_due_actions( 60 ) );

		$customers = self::customers( $email );
		$this->assertCount( 1, $customers );
		$invoices = self::invoices( $customers[0]['id'] );
		$this->assertCount( 1, $invoices );
		$this->assertCount( 1, self::receipts( $invoices[0]['id'] ) );
		$this->assertSame( array(), Fake_WooCommerce::$actions );
		$this->assertSame( array(), get_option( Risiti_Settings::FAILURES ), 'the notice is gone once the order went through' );
		$this->assertSame( '', $order->get_meta( Risiti_Order_Sync::META_LAST_ERROR ) );
	}

	public function testWithNrsSubmissionOnARefusalNoRetryCanFixIsNotedAndTheReceiptStillFollows() {
		// The business has no NRS credentials of its own, so NRS submission of its live invoices is refused at once.
		update_option( Risiti_Settings::AUTO_SUBMIT_NRS, 'yes' );
		$order = $this->order( self::shopper() );

		$order->payment_complete( 'PSK_T_' . $order->get_id() );

		$this->assertSame( 'refused', $order->get_meta( Risiti_Order_Sync::META_NRS_SUBMISSION ) );
		$this->assertStringContainsString( 'Risiti: NRS submission refused: HTTP 4', implode( "\n", $order->notes ) );
		$this->assertNotEmpty( $order->get_meta( Risiti_Order_Sync::META_RECEIPT_NUMBER ) );
		$this->assertSame( array(), Fake_WooCommerce::$actions, 'not retried' );
		$this->assertSame( 'paid', RisitiApi::get( '/api/v1/invoices/' . $order->get_meta( Risiti_Order_Sync::META_INVOICE_ID ) )['data']['status'] );
	}

	public function testARefundBecomesACreditNoteOfTheRefundedAmountOnTheOrdersInvoice() {
		$email = self::shopper();
		$order = $this->order( $email );
		$order->payment_complete( 'PSK_T_' . $order->get_id() );
		$invoice_id = $order->get_meta( Risiti_Order_Sync::META_INVOICE_ID );

		$refund = wc_create_refund(
			array(
				'order_id' => $order->get_id(),
				'amount'   => '2687.50',
				'reason'   => 'Shipping refunded: parcel late',
			)
		);

		$notes = self::invoices( self::customers( $email )[0]['id'], 'credit_note' );
		$this->assertCount( 1, $notes );
		$note = RisitiApi::get( '/api/v1/invoices/' . $notes[0]['id'] )['data'];
		// Risiti splits the amount over the invoice's VAT rates (7.5 % and 0 % here); where no split is exact the plugin
		// credits a kobo less (or more) and says so on the order.
		$this->assertLessThanOrEqual( 1, abs( $note['total_amount_kobo'] - 268750 ) );
		if ( 268750 !== $note['total_amount_kobo'] ) {
			$this->assertStringContainsString( 'cannot be split exactly', implode( "\n", $order->notes ) );
		}
		$this->assertSame( $invoice_id, $note['original_invoice_id'] );
		$this->assertSame( 'Shipping refunded: parcel late', $note['credit_reason'] );
		$this->assertNotEmpty( $note['irn'] );
		$this->assertSame( $note['invoice_number'], $refund->get_meta( Risiti_Order_Sync::META_CREDIT_NOTE ) );
		$this->assertSame( $note['total_amount_kobo'], RisitiApi::get( '/api/v1/invoices/' . $invoice_id )['data']['credited_amount_kobo'] );

		do_action( 'woocommerce_order_refunded', $order->get_id(), $refund->get_id() );
		$this->assertCount( 1, self::invoices( self::customers( $email )[0]['id'], 'credit_note' ), 'the same refund twice is one credit note' );
	}
}
