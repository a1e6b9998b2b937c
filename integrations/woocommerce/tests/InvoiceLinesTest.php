<?php
/**
 * An order's lines in kobo, without the stack.
 *
 * @package Risiti_WooCommerce\Tests
 */

use PHPUnit\Framework\TestCase;

final class InvoiceLinesTest extends TestCase {

	const RATES = array(
		array( 'id' => 'standard', 'units' => 75000, 'category' => 'S' ),
		array( 'id' => 'zero', 'units' => 0, 'category' => 'Z' ),
		array( 'id' => 'exempt', 'units' => 0, 'category' => 'E' ),
	);

	private static function order( array $items ) {
		$order = new WC_Order( array( 'email' => 'a@b.ng', 'first_name' => 'A', 'last_name' => 'B' ) );
		foreach ( $items as $item ) {
			$order->add_item( $item[0], new WC_Order_Item( $item[1], $item[2], $item[3], $item[4] ) );
		}
		return $order;
	}

	public function testAnAmountWithMoreThanTwoDecimalsIsRoundedHalfUpToTheKoboAsTextNotAsAFloat() {
		$this->assertSame( 29, Risiti_Money::to_kobo( '0.285' ) );
		$this->assertSame( 93023, Risiti_Money::to_kobo( '930.232558' ) );
		$this->assertSame( 123450, Risiti_Money::to_kobo( 1234.5 ) );
		$this->assertSame( -29, Risiti_Money::to_kobo( '-0.285' ) );
		$this->assertSame( '9720648.05', Risiti_Money::to_naira( 972064805 ) );
		$this->assertSame( '0.07', Risiti_Money::to_naira( 7 ) );
		$this->assertSame( 75000, Risiti_Money::rate_units( '7.5' ) );
		$this->assertSame( 123456, Risiti_Money::rate_units( '12.3456' ) );
	}

	public function testItemsWithEqualUnitPricesKeepTheirQuantityAndWooCommercesVat() {
		$lines = Risiti_Invoice_Lines::of_order( self::order( array( array( 'line_item', 'Consulting', 10, '350000.00', '26250.00' ) ) ), self::RATES, 'zero_rated' );

		$this->assertSame( array( array( 'description' => 'Consulting', 'quantity' => 10, 'unit_price' => '35000.00', 'tax_rate_id' => 'standard' ) ), $lines->lines() );
		$this->assertSame( 37625000, $lines->total_kobo() );
	}

	public function testVatRoundedPerUnitByWooCommerceMovesTheNetAKoboSoTheLineCostsWhatTheShopperPaid() {
		$lines = Risiti_Invoice_Lines::of_order( self::order( array( array( 'line_item', 'Fabric', 3, '3703.71', '277.77' ) ) ), self::RATES, 'zero_rated' );

		$this->assertSame( '3703.70', $lines->lines()[0]['unit_price'] );
		$this->assertSame( 'Fabric × 3', $lines->lines()[0]['description'] );
		$this->assertSame( 1, $lines->lines()[0]['quantity'] );
		$this->assertSame( 370371 + 27777, $lines->total_kobo() );
	}

	public function testAPriceWithVatIncludedThatNoNetReachesGetsARoundingLineOfAKoboWithoutVat() {
		// 1,000.11 with VAT included: WooCommerce splits it 930.33 + 69.78; Risiti's VAT on 930.33 is 69.77 (1,000.10)
		// and on 930.34 it is 69.78 (1,000.12): no net makes 1,000.11.
		$lines = Risiti_Invoice_Lines::of_order( self::order( array( array( 'line_item', 'Shoes', 1, '930.33', '69.78' ), array( 'line_item', 'Bag', 2, '200.00', '15.00' ) ) ), self::RATES, 'zero_rated' );

		$this->assertSame( array( 'Shoes', 'Shoes (rounding)', 'Bag' ), array_column( $lines->lines(), 'description' ) );
		$this->assertSame( array( '930.33', '0.01', '100.00' ), array_column( $lines->lines(), 'unit_price' ) );
		$this->assertSame( array( 'standard', 'standard', 'standard' ), array_column( $lines->lines(), 'tax_rate_id' ) );
		$this->assertSame( 100011 + 21500, $lines->total_kobo() );
	}

	public function testEveryVatIncludedPriceFromOneToTwoThousandNairaBecomesLinesTotallingItToTheKobo() {
		for ( $gross = 100000; $gross < 200000; $gross += 7 ) {
			$net   = (int) round( $gross / 1.075 );
			$lines = Risiti_Invoice_Lines::of_order( self::order( array( array( 'line_item', 'Item', 1, Risiti_Money::to_naira( $net ), Risiti_Money::to_naira( $gross - $net ) ) ) ), self::RATES, 'zero_rated' );
			$sent  = 0;
			foreach ( $lines->lines() as $line ) {
				$kobo  = Risiti_Money::to_kobo( $line['unit_price'] ) * $line['quantity'];
				$sent += $kobo + Risiti_Money::tax_on( $kobo, 75000 );
			}
			$this->assertSame( $gross, $sent, 'gross ' . $gross );
		}
	}

	public function testLinesWooCommerceChargedNoVatOnAreZeroRatedOrExemptAsTheSettingSays() {
		$order = self::order( array( array( 'line_item', 'Rice', 2, '90000.00', '0' ), array( 'shipping', 'Pickup', 1, '0', '0' ) ) );

		$this->assertSame( array( 'zero', 'zero' ), array_column( Risiti_Invoice_Lines::of_order( $order, self::RATES, 'zero_rated' )->lines(), 'tax_rate_id' ) );
		$this->assertSame( array( 'exempt', 'exempt' ), array_column( Risiti_Invoice_Lines::of_order( $order, self::RATES, 'exempt' )->lines(), 'tax_rate_id' ) );
		$this->assertSame( 'Shipping: Pickup', Risiti_Invoice_Lines::of_order( $order, self::RATES, 'exempt' )->lines()[1]['description'] );
	}

	public function testAVatRateTheBusinessDoesNotHaveIsRefusedNamingTheLineAndNotRetried() {
		try {
			Risiti_Invoice_Lines::of_order( self::order( array( array( 'line_item', 'Imported wine', 1, '10000.00', '1000.00' ) ) ), self::RATES, 'zero_rated' );
			$this->fail( 'a 10 % tax was accepted' );
		} catch ( Risiti_Api_Error $error ) {
			$this->assertSame( 'NO_TAX_RATE', $error->error_code() );
			$this->assertStringContainsString( 'Imported wine', $error->getMessage() );
			$this->assertFalse( $error->is_retryable() );
		}
	}

	public function testANegativeFeeIsRefusedAndAnEmptyOrderToo() {
		foreach ( array( array( array( 'fee', 'Discount', 1, '-500.00', '0' ) ), array() ) as $items ) {
			try {
				Risiti_Invoice_Lines::of_order( self::order( $items ), self::RATES, 'zero_rated' );
				$this->fail( 'accepted' );
			} catch ( Risiti_Api_Error $error ) {
				$this->assertContains( $error->error_code(), array( 'NEGATIVE_LINE', 'EMPTY_ORDER' ) );
				$this->assertFalse( $error->is_retryable() );
			}
		}
	}
}
